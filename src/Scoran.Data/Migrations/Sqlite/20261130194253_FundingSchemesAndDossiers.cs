using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
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
                    token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_saved_searches", x => x.token);
                });

            migrationBuilder.CreateTable(
                name: "funding_schemes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    backer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    programme = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    aid_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    aid_type_text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    beneficiaries = table.Column<string>(type: "TEXT", nullable: false),
                    beneficiaries_text = table.Column<string>(type: "TEXT", nullable: true),
                    perimeter = table.Column<string>(type: "TEXT", nullable: false),
                    themes = table.Column<string>(type: "TEXT", nullable: false),
                    eligible_costs = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    rate_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    rate_base = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ceiling_euros = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ceiling_period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    bonus_percent_points = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    bonus_condition = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    floor_euros = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    max_public_aid_percent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    opens_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closes_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    call_for_projects = table.Column<bool>(type: "INTEGER", nullable: false),
                    conditions = table.Column<string>(type: "TEXT", nullable: false),
                    documents = table.Column<string>(type: "TEXT", nullable: false),
                    contact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    source_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    catalogue = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "funding_dossiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    scheme_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    holder_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    holder_organisation = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    project_title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    project_cost = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    requested_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    acknowledged_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    granted_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dossier_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    stored_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    dossier_id = table.Column<long>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
