using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObservatoryMobileMeasurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mobile_measurement_campaigns",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    territory_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    territory_code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    operators = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    protocol = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_measurement_campaigns", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "mobile_measurement_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    campaign_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_measurement_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mobile_measurements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    client_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    measured_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    accuracy_m = table.Column<double>(type: "REAL", nullable: true),
                    operator_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    technology = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    rsrp_dbm = table.Column<double>(type: "REAL", nullable: true),
                    rsrq_db = table.Column<double>(type: "REAL", nullable: true),
                    sinr_db = table.Column<double>(type: "REAL", nullable: true),
                    rssi_dbm = table.Column<double>(type: "REAL", nullable: true),
                    download_mbps = table.Column<double>(type: "REAL", nullable: true),
                    upload_mbps = table.Column<double>(type: "REAL", nullable: true),
                    latency_ms = table.Column<double>(type: "REAL", nullable: true),
                    indoor = table.Column<bool>(type: "INTEGER", nullable: true),
                    app_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    device = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    contributor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    cell_id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    campaign_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    purged = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mobile_measurements", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_measurement_tokens_token_hash",
                table: "mobile_measurement_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mobile_measurements_campaign_code_measured_at",
                table: "mobile_measurements",
                columns: new[] { "campaign_code", "measured_at" });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_measurements_client_key",
                table: "mobile_measurements",
                column: "client_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mobile_measurements_commune_code_measured_at",
                table: "mobile_measurements",
                columns: new[] { "commune_code", "measured_at" });

            migrationBuilder.CreateIndex(
                name: "IX_mobile_measurements_purged_received_at",
                table: "mobile_measurements",
                columns: new[] { "purged", "received_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mobile_measurement_campaigns");

            migrationBuilder.DropTable(
                name: "mobile_measurement_tokens");

            migrationBuilder.DropTable(
                name: "mobile_measurements");
        }
    }
}
