using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    vintage = table.Column<int>(type: "integer", nullable: false),
                    @operator = table.Column<string>(name: "operator", type: "character varying(16)", maxLength: 16, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    site_ref = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    has_2g = table.Column<bool>(type: "boolean", nullable: false),
                    has_3g = table.Column<bool>(type: "boolean", nullable: false),
                    has_4g = table.Column<bool>(type: "boolean", nullable: false),
                    has_5g = table.Column<bool>(type: "boolean", nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    line = table.Column<long>(type: "bigint", nullable: false)
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
