using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "intake_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 32, nullable: false),
                    atena_number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    items_prefilled = table.Column<int>(type: "INTEGER", nullable: false),
                    items_typed = table.Column<int>(type: "INTEGER", nullable: false),
                    items_on_paper = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_idempotency_keys",
                columns: table => new
                {
                    principal = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    payload_hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_idempotency_keys", x => new { x.principal, x.key });
                });

            migrationBuilder.CreateTable(
                name: "intake_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    atena_number = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leg_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    leg_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: true),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    leg_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    stored_path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    scan_result = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_attachments", x => x.id);
                    table.ForeignKey(
                        name: "FK_intake_attachments_intake_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "intake_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intake_legs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    procedure_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    task = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    form_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    sla_days = table.Column<int>(type: "INTEGER", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    assignee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    items_json = table.Column<string>(type: "TEXT", nullable: false),
                    items_prefilled = table.Column<int>(type: "INTEGER", nullable: false),
                    items_typed = table.Column<int>(type: "INTEGER", nullable: false),
                    items_missing = table.Column<int>(type: "INTEGER", nullable: false),
                    items_on_paper = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_legs", x => x.id);
                    table.ForeignKey(
                        name: "FK_intake_legs_intake_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "intake_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intake_leg_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    leg_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    message = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_leg_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_intake_leg_events_intake_legs_leg_id",
                        column: x => x.leg_id,
                        principalTable: "intake_legs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_intake_attachments_case",
                table: "intake_attachments",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_intake_cases_atena_number",
                table: "intake_cases",
                column: "atena_number");

            migrationBuilder.CreateIndex(
                name: "ux_intake_cases_business_key",
                table: "intake_cases",
                columns: new[] { "event", "atena_number", "on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intake_leg_events_leg",
                table: "intake_leg_events",
                columns: new[] { "leg_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_intake_legs_task_status",
                table: "intake_legs",
                columns: new[] { "task", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_intake_legs_case_procedure",
                table: "intake_legs",
                columns: new[] { "case_id", "procedure_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_intake_notices_inbox",
                table: "intake_notices",
                columns: new[] { "atena_number", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_intake_outbox_due",
                table: "intake_outbox",
                columns: new[] { "delivered_at", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ux_intake_outbox_dedupe",
                table: "intake_outbox",
                column: "dedupe_key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intake_attachments");

            migrationBuilder.DropTable(
                name: "intake_idempotency_keys");

            migrationBuilder.DropTable(
                name: "intake_leg_events");

            migrationBuilder.DropTable(
                name: "intake_notices");

            migrationBuilder.DropTable(
                name: "intake_outbox");

            migrationBuilder.DropTable(
                name: "intake_legs");

            migrationBuilder.DropTable(
                name: "intake_cases");
        }
    }
}
