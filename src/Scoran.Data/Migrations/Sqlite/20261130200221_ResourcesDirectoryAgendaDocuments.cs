using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scoran.Data.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    territories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    roles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    themes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_actors", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    proposed_json = table.Column<string>(type: "TEXT", nullable: false),
                    before_json = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    review_comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_contributions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_documents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    licence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    document_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    themes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    uid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    online_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    organiser = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    themes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    themes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    territories = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    commune_code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    budget = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    funders = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    results = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    links = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resource_actor_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    actor_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    function = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    consent = table.Column<bool>(type: "INTEGER", nullable: false),
                    consent_date = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    stored_path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    stored_path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    alt_text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
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

            // Full-text search of the document library (not an EF entity: kept in step by DocumentSearchIndex).
            // unicode61 with remove_diacritics 2: « médiation » and « mediation » are the same word.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE resource_documents_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS resource_documents_fts;");
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
