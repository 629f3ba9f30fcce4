using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Foundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commune_aliases",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    current_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commune_aliases", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "dataset_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    dataset = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    publisher = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    vintage = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    licence = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    content_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "postal_codes",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postal_codes", x => new { x.code, x.commune_code });
                });

            migrationBuilder.CreateTable(
                name: "territories",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    search_alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    population = table.Column<long>(type: "INTEGER", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    departement_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    epci_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    chef_lieu_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    is_obsolete = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territories", x => new { x.kind, x.code });
                });

            migrationBuilder.CreateTable(
                name: "territory_contours",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    geometry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    source_feature_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_contours", x => new { x.kind, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_commune_aliases_current_code",
                table: "commune_aliases",
                column: "current_code");

            migrationBuilder.CreateIndex(
                name: "IX_dataset_imports_dataset_imported_at",
                table: "dataset_imports",
                columns: new[] { "dataset", "imported_at" });

            migrationBuilder.CreateIndex(
                name: "IX_postal_codes_commune_code",
                table: "postal_codes",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "IX_territories_code",
                table: "territories",
                column: "code");

            migrationBuilder.CreateIndex(
                name: "IX_territories_kind_departement_code",
                table: "territories",
                columns: new[] { "kind", "departement_code" });

            migrationBuilder.CreateIndex(
                name: "IX_territories_kind_epci_code",
                table: "territories",
                columns: new[] { "kind", "epci_code" });

            migrationBuilder.CreateIndex(
                name: "IX_territories_kind_region_code",
                table: "territories",
                columns: new[] { "kind", "region_code" });

            migrationBuilder.CreateIndex(
                name: "IX_territories_search_alias",
                table: "territories",
                column: "search_alias");

            migrationBuilder.CreateIndex(
                name: "IX_territories_search_name",
                table: "territories",
                column: "search_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commune_aliases");

            migrationBuilder.DropTable(
                name: "dataset_imports");

            migrationBuilder.DropTable(
                name: "postal_codes");

            migrationBuilder.DropTable(
                name: "territories");

            migrationBuilder.DropTable(
                name: "territory_contours");
        }
    }
}
