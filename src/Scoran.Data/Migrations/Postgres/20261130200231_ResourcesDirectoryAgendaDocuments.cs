using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scoran.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourcesDirectoryAgendaDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resource_actors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    siren = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    territories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    roles = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_actors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entry_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    proposed_json = table.Column<string>(type: "text", nullable: false),
                    before_json = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    review_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_contributions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    licence = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    document_date = table.Column<DateOnly>(type: "date", nullable: false),
                    themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    uid = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    online_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    organiser = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    themes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    budget = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    funders = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    results = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    links = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_actor_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    actor_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    consent = table.Column<bool>(type: "boolean", nullable: false),
                    consent_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_actor_contacts", x => x.id);
                    table.ForeignKey(
                        name: "FK_resource_actor_contacts_resource_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "resource_actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_document_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    document_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stored_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_resource_document_versions_resource_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "resource_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_project_actors",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    actor_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_project_actors", x => x.id);
                    table.ForeignKey(
                        name: "FK_resource_project_actors_resource_actors_actor_id",
                        column: x => x.actor_id,
                        principalTable: "resource_actors",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_resource_project_actors_resource_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "resource_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_project_images",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stored_path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    alt_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_project_images", x => x.id);
                    table.ForeignKey(
                        name: "FK_resource_project_images_resource_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "resource_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_project_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    project_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_project_links", x => x.id);
                    table.ForeignKey(
                        name: "FK_resource_project_links_resource_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "resource_projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resource_actor_contacts_actor_id",
                table: "resource_actor_contacts",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "IX_resource_actors_status",
                table: "resource_actors",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_resource_contributions_entry_type_entry_id",
                table: "resource_contributions",
                columns: new[] { "entry_type", "entry_id" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_contributions_status_submitted_at",
                table: "resource_contributions",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_document_versions_document_id_number",
                table: "resource_document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resource_documents_status",
                table: "resource_documents",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_resource_events_status_starts_at",
                table: "resource_events",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "IX_resource_events_uid",
                table: "resource_events",
                column: "uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resource_project_actors_actor_id",
                table: "resource_project_actors",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "IX_resource_project_actors_project_id",
                table: "resource_project_actors",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_resource_project_images_project_id",
                table: "resource_project_images",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_resource_project_links_project_id",
                table: "resource_project_links",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_resource_projects_status",
                table: "resource_projects",
                column: "status");

            // Full-text search of the document library in French: French stemming after accents are removed
            // (« telephonie » finds « téléphonie »), in a configuration of our own; the index expressions must
            // match DocumentSearchIndex's query. unaccent is a trusted contrib extension (PostgreSQL 13+).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION scoran_french (COPY = french);");
            migrationBuilder.Sql("ALTER TEXT SEARCH CONFIGURATION scoran_french ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;");
            migrationBuilder.Sql("CREATE INDEX ix_resource_document_versions_text_fts ON resource_document_versions USING GIN (to_tsvector('scoran_french'::regconfig, coalesce(text, '')));");
            migrationBuilder.Sql("CREATE INDEX ix_resource_documents_title_fts ON resource_documents USING GIN (to_tsvector('scoran_french'::regconfig, title));");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_resource_document_versions_text_fts;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_resource_documents_title_fts;");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS scoran_french;");
            migrationBuilder.DropTable(
                name: "resource_actor_contacts");

            migrationBuilder.DropTable(
                name: "resource_contributions");

            migrationBuilder.DropTable(
                name: "resource_document_versions");

            migrationBuilder.DropTable(
                name: "resource_events");

            migrationBuilder.DropTable(
                name: "resource_project_actors");

            migrationBuilder.DropTable(
                name: "resource_project_images");

            migrationBuilder.DropTable(
                name: "resource_project_links");

            migrationBuilder.DropTable(
                name: "resource_documents");

            migrationBuilder.DropTable(
                name: "resource_actors");

            migrationBuilder.DropTable(
                name: "resource_projects");
        }
    }
}
