using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservatoryMobileCoverage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mobile_commune_bases",
                columns: table => new
                {
                    vintage = table.Column<int>(type: "INTEGER", nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    population = table.Column<long>(type: "INTEGER", nullable: false),
                    area_km2 = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_commune_bases", x => new { x.vintage, x.commune_code });
                });

            migrationBuilder.CreateTable(
                name: "mobile_coverage",
                columns: table => new
                {
                    vintage = table.Column<int>(type: "INTEGER", nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "TEXT", maxLength: 16, nullable: false),
                    technology = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    population_covered = table.Column<long>(type: "INTEGER", nullable: false),
                    area_covered_km2 = table.Column<decimal>(type: "TEXT", precision: 14, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_coverage", x => new { x.vintage, x.commune_code, x.@operator, x.technology, x.level });
                });

            migrationBuilder.CreateTable(
                name: "mobile_new_deal_sites",
                columns: table => new
                {
                    vintage = table.Column<int>(type: "INTEGER", nullable: false),
                    site_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    operators = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decree_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    in_service_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_new_deal_sites", x => new { x.vintage, x.site_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_coverage_commune_code_vintage",
                table: "mobile_coverage",
                columns: new[] { "commune_code", "vintage" });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_new_deal_sites_commune_code_vintage",
                table: "mobile_new_deal_sites",
                columns: new[] { "commune_code", "vintage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mobile_commune_bases");

            migrationBuilder.DropTable(
                name: "mobile_coverage");

            migrationBuilder.DropTable(
                name: "mobile_new_deal_sites");
        }
    }
}
