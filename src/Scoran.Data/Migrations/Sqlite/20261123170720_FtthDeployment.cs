using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FtthDeployment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ftth_commune_profiles",
                columns: table => new
                {
                    release = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    housing = table.Column<long>(type: "INTEGER", nullable: false),
                    businesses = table.Column<long>(type: "INTEGER", nullable: false),
                    zone = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    l3313_commitment = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    private_intentions = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    infrastructure_operators = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    source_codes = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ftth_commune_profiles", x => new { x.release, x.commune_code });
                });

            migrationBuilder.CreateTable(
                name: "ftth_commune_quarters",
                columns: table => new
                {
                    release = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    connectable_premises = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ftth_commune_quarters", x => new { x.release, x.commune_code, x.quarter });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ftth_commune_quarters_release_quarter",
                table: "ftth_commune_quarters",
                columns: new[] { "release", "quarter" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ftth_commune_profiles");

            migrationBuilder.DropTable(
                name: "ftth_commune_quarters");
        }
    }
}
