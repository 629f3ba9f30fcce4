using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BuildingEligibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_commune_stats",
                columns: table => new
                {
                    vintage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    buildings = table.Column<int>(type: "integer", nullable: false),
                    premises = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_inel = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_hd05 = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_hd3 = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_bhd8 = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_thd30 = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_thd100 = table.Column<long>(type: "bigint", nullable: false),
                    premises_best_thd1g = table.Column<long>(type: "bigint", nullable: false),
                    premises_cu = table.Column<long>(type: "bigint", nullable: false),
                    premises_coax = table.Column<long>(type: "bigint", nullable: false),
                    premises_fo = table.Column<long>(type: "bigint", nullable: false),
                    premises_4gf = table.Column<long>(type: "bigint", nullable: false),
                    premises_thdr = table.Column<long>(type: "bigint", nullable: false),
                    premises_wmx = table.Column<long>(type: "bigint", nullable: false),
                    premises_sat = table.Column<long>(type: "bigint", nullable: false),
                    premises_no_wired = table.Column<long>(type: "bigint", nullable: false),
                    premises_no_wired_alternative = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_eligibility_commune_stats", x => new { x.vintage, x.commune_code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_commune_stats_commune_code",
                table: "eligibility_commune_stats",
                column: "commune_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_commune_stats");
        }
    }
}
