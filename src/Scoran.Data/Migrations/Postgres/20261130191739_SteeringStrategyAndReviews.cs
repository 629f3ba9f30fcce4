using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SteeringStrategyAndReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "steering_strategies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    short_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    issuer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    date = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_strategies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "steering_indicators",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    strategy_id = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    objective = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    definition = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    node_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    unit = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    computation = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    data_source = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    vintage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    baseline_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    baseline_date = table.Column<DateOnly>(type: "date", nullable: true),
                    target_value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    target_date = table.Column<DateOnly>(type: "date", nullable: true),
                    target_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_indicators", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_indicators_steering_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "steering_strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    strategy_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    committee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendees = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    demonstration = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_meetings", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_meetings_steering_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "steering_strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_nodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    strategy_id = table.Column<long>(type: "bigint", nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    weight = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    porteur = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    partners = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    territories = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    themes = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    progress = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    closed_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    source_line = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_nodes", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_nodes_steering_nodes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "steering_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steering_nodes_steering_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "steering_strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_indicator_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_indicator_values", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_indicator_values_steering_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "steering_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_action_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    label = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_action_links", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_action_links_steering_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "steering_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_action_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<long>(type: "bigint", nullable: false),
                    node_id = table.Column<long>(type: "bigint", nullable: false),
                    progress = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    days_late = table.Column<int>(type: "integer", nullable: false),
                    budget_planned = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    budget_committed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    budget_spent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    rag = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    comment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_action_reviews", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_action_reviews_steering_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "steering_meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_steering_action_reviews_steering_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "steering_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_budget_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    planned = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    committed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    spent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    strategy_node_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_budget_lines", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_budget_lines_steering_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "steering_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    node_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    planned_date = table.Column<DateOnly>(type: "date", nullable: false),
                    actual_date = table.Column<DateOnly>(type: "date", nullable: true),
                    strategy_node_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_milestones", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_milestones_steering_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "steering_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_steering_action_links_node_id",
                table: "steering_action_links",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_action_reviews_meeting_id_node_id",
                table: "steering_action_reviews",
                columns: new[] { "meeting_id", "node_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_steering_action_reviews_node_id",
                table: "steering_action_reviews",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_budget_lines_node_id",
                table: "steering_budget_lines",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_indicator_values_indicator_id",
                table: "steering_indicator_values",
                column: "indicator_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_indicators_strategy_id_code",
                table: "steering_indicators",
                columns: new[] { "strategy_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_steering_meetings_strategy_id",
                table: "steering_meetings",
                column: "strategy_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_milestones_node_id",
                table: "steering_milestones",
                column: "node_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_nodes_parent_id",
                table: "steering_nodes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_steering_nodes_strategy_id_code",
                table: "steering_nodes",
                columns: new[] { "strategy_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_steering_strategies_code",
                table: "steering_strategies",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "steering_action_links");

            migrationBuilder.DropTable(
                name: "steering_action_reviews");

            migrationBuilder.DropTable(
                name: "steering_budget_lines");

            migrationBuilder.DropTable(
                name: "steering_indicator_values");

            migrationBuilder.DropTable(
                name: "steering_milestones");

            migrationBuilder.DropTable(
                name: "steering_meetings");

            migrationBuilder.DropTable(
                name: "steering_indicators");

            migrationBuilder.DropTable(
                name: "steering_nodes");

            migrationBuilder.DropTable(
                name: "steering_strategies");
        }
    }
}
