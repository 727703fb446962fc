using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PolicyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "policy_audit_records",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    detail = table.Column<string>(type: "text", nullable: true),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_audit_records", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "policy_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    in_force = table.Column<int>(type: "integer", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_head", x => x.id);
                    table.CheckConstraint("ck_policy_head_singleton", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    model_text = table.Column<string>(type: "text", nullable: false),
                    policy_text = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    based_on = table.Column<int>(type: "integer", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_versions", x => x.number);
                });

            migrationBuilder.InsertData(
                table: "policy_head",
                columns: new[] { "id", "in_force", "revision" },
                values: new object[] { 1, null, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_policy_audit_records_version",
                table: "policy_audit_records",
                column: "version");

            migrationBuilder.CreateIndex(
                name: "ux_policy_versions_published",
                table: "policy_versions",
                column: "state",
                unique: true,
                filter: "state = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "policy_audit_records");

            migrationBuilder.DropTable(
                name: "policy_head");

            migrationBuilder.DropTable(
                name: "policy_versions");
        }
    }
}
