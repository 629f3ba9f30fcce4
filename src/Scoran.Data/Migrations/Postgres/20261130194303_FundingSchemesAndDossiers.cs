using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FundingSchemesAndDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "funding_saved_searches",
                columns: table => new
                {
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    query = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_saved_searches", x => x.token);
                });

            migrationBuilder.CreateTable(
                name: "funding_schemes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    backer = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    programme = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    aid_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    aid_type_text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    beneficiaries = table.Column<List<string>>(type: "text[]", nullable: false),
                    beneficiaries_text = table.Column<string>(type: "text", nullable: true),
                    perimeter = table.Column<List<string>>(type: "text[]", nullable: false),
                    themes = table.Column<List<string>>(type: "text[]", nullable: false),
                    eligible_costs = table.Column<List<string>>(type: "text[]", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    rate_percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    rate_base = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ceiling_euros = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    ceiling_period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    bonus_percent_points = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    bonus_condition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    floor_euros = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    max_public_aid_percent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recurring = table.Column<bool>(type: "boolean", nullable: false),
                    call_for_projects = table.Column<bool>(type: "boolean", nullable: false),
                    conditions = table.Column<List<string>>(type: "text[]", nullable: false),
                    documents = table.Column<List<string>>(type: "text[]", nullable: false),
                    contact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    catalogue = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funding_dossiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    scheme_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    holder_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    holder_organisation = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    project_title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    project_cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    requested_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    granted_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_dossiers", x => x.id);
                    table.ForeignKey(
                        name: "FK_funding_dossiers_funding_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "funding_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "funding_dossier_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dossier_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    stored_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_dossier_documents", x => x.id);
                    table.ForeignKey(
                        name: "FK_funding_dossier_documents_funding_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "funding_dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding_dossier_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dossier_id = table.Column<long>(type: "bigint", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_dossier_payments", x => x.id);
                    table.ForeignKey(
                        name: "FK_funding_dossier_payments_funding_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalTable: "funding_dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_dossier_documents_dossier_id",
                table: "funding_dossier_documents",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_funding_dossier_payments_dossier_id",
                table: "funding_dossier_payments",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "IX_funding_dossiers_holder_email",
                table: "funding_dossiers",
                column: "holder_email");

            migrationBuilder.CreateIndex(
                name: "IX_funding_dossiers_scheme_id",
                table: "funding_dossiers",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "IX_funding_schemes_catalogue",
                table: "funding_schemes",
                column: "catalogue");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_dossier_documents");

            migrationBuilder.DropTable(
                name: "funding_dossier_payments");

            migrationBuilder.DropTable(
                name: "funding_saved_searches");

            migrationBuilder.DropTable(
                name: "funding_dossiers");

            migrationBuilder.DropTable(
                name: "funding_schemes");
        }
    }
}
