using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConnexionStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "connexion_commune_counts",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    family = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    premises_type = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    measure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connexion_commune_counts", x => new { x.date, x.family, x.premises_type, x.commune_code, x.measure });
                });

            migrationBuilder.CreateIndex(
                name: "IX_connexion_commune_counts_commune_code_premises_type_date_fa~",
                table: "connexion_commune_counts",
                columns: new[] { "commune_code", "premises_type", "date", "family", "measure", "value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connexion_commune_counts");
        }
    }
}
