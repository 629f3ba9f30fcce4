using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ObservatoryFixedNetworksAndAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "best_premises_estimate",
                table: "ftth_commune_profiles",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "zone_from",
                table: "ftth_commune_profiles",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "account_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "account_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_users", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "account_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_role_claims_account_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "account_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_user_claims_account_users_UserId",
                        column: x => x.UserId,
                        principalTable: "account_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_account_user_logins_account_users_UserId",
                        column: x => x.UserId,
                        principalTable: "account_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_roles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_account_user_roles_account_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "account_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_account_user_roles_account_users_UserId",
                        column: x => x.UserId,
                        principalTable: "account_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_account_user_tokens_account_users_UserId",
                        column: x => x.UserId,
                        principalTable: "account_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_role_claims_RoleId",
                table: "account_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "account_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_account_user_claims_UserId",
                table: "account_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_account_user_logins_UserId",
                table: "account_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_account_user_roles_RoleId",
                table: "account_user_roles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "account_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "account_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_connexion_commune_counts_commune_code_premises_type_date_fa~",
                table: "connexion_commune_counts",
                columns: new[] { "commune_code", "premises_type", "date", "family", "measure", "value" });

            migrationBuilder.CreateIndex(
                name: "IX_eligibility_commune_stats_commune_code",
                table: "eligibility_commune_stats",
                column: "commune_code");

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
                name: "account_role_claims");

            migrationBuilder.DropTable(
                name: "account_user_claims");

            migrationBuilder.DropTable(
                name: "account_user_logins");

            migrationBuilder.DropTable(
                name: "account_user_roles");

            migrationBuilder.DropTable(
                name: "account_user_tokens");

            migrationBuilder.DropTable(
                name: "connexion_commune_counts");

            migrationBuilder.DropTable(
                name: "eligibility_commune_stats");

            migrationBuilder.DropTable(
                name: "operator_commitments");

            migrationBuilder.DropTable(
                name: "account_roles");

            migrationBuilder.DropTable(
                name: "account_users");

            migrationBuilder.DropColumn(
                name: "best_premises_estimate",
                table: "ftth_commune_profiles");

            migrationBuilder.DropColumn(
                name: "zone_from",
                table: "ftth_commune_profiles");
        }
    }
}
