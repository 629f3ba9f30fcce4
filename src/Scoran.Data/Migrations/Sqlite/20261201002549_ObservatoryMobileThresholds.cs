using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservatoryMobileThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mobile_antenna_sites",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    vintage = table.Column<int>(type: "INTEGER", nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "TEXT", maxLength: 16, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    site_ref = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    has_2g = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_3g = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_4g = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_5g = table.Column<bool>(type: "INTEGER", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    line = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_antenna_sites", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_antenna_sites_vintage_commune_code",
                table: "mobile_antenna_sites",
                columns: new[] { "vintage", "commune_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mobile_antenna_sites");
        }
    }
}
