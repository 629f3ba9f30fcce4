using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResourcesInclusionPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inclusion_place_duplicates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    keep_source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    keep_source_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    other_source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    other_source_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_place_duplicates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_place_mappings",
                columns: table => new
                {
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    mapping_json = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_place_mappings", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "inclusion_places",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    address_complement = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    commune_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    departement_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    located_at_commune = table.Column<bool>(type: "INTEGER", nullable: false),
                    services = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    publics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    labels = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    opening_hours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    hours_note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    accessibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    itinerant = table.Column<bool>(type: "INTEGER", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    website = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    source_line = table.Column<long>(type: "INTEGER", nullable: false),
                    dataset_import_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inclusion_places", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_place_duplicates_other_source_other_source_id",
                table: "inclusion_place_duplicates",
                columns: new[] { "other_source", "other_source_id" });

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_places_commune_code",
                table: "inclusion_places",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_places_departement_code",
                table: "inclusion_places",
                column: "departement_code");

            migrationBuilder.CreateIndex(
                name: "IX_inclusion_places_source_source_id",
                table: "inclusion_places",
                columns: new[] { "source", "source_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inclusion_place_duplicates");

            migrationBuilder.DropTable(
                name: "inclusion_place_mappings");

            migrationBuilder.DropTable(
                name: "inclusion_places");
        }
    }
}
