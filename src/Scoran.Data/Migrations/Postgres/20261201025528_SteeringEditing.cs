using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SteeringEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "strategy_target_date",
                table: "steering_indicators",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "strategy_target_value",
                table: "steering_indicators",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "steering_indicator_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_id = table.Column<long>(type: "bigint", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_steering_indicator_targets", x => x.id);
                    table.ForeignKey(
                        name: "FK_steering_indicator_targets_steering_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "steering_indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_steering_indicator_targets_indicator_id_date",
                table: "steering_indicator_targets",
                columns: new[] { "indicator_id", "date" },
                unique: true);

            // Existing databases: the stored target is both the strategy's statement and the single
            // point in force, as an import would have made it.
            migrationBuilder.Sql("UPDATE steering_indicators SET strategy_target_value = target_value, strategy_target_date = target_date;");
            migrationBuilder.Sql("INSERT INTO steering_indicator_targets (indicator_id, date, value, author) " +
                "SELECT id, target_date, target_value, 'import' FROM steering_indicators WHERE target_value IS NOT NULL AND target_date IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "steering_indicator_targets");

            migrationBuilder.DropColumn(
                name: "strategy_target_date",
                table: "steering_indicators");

            migrationBuilder.DropColumn(
                name: "strategy_target_value",
                table: "steering_indicators");
        }
    }
}
