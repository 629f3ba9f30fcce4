using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OperatorCommitments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "operator_commitments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    register = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    operator_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    operator_name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    zone = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    target_premises = table.Column<long>(type: "bigint", nullable: true),
                    target_share = table.Column<decimal>(type: "numeric(6,5)", precision: 6, scale: 5, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    source = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    legal_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    partial = table.Column<bool>(type: "boolean", nullable: false),
                    line = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_operator_commitments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_operator_commitments_commune_code",
                table: "operator_commitments",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "IX_operator_commitments_register",
                table: "operator_commitments",
                column: "register");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "operator_commitments");
        }
    }
}
