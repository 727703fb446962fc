using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class GenericRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "generic_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    atena_number = table.Column<string>(type: "nvarchar(15)", maxLength: 15, nullable: false),
                    values = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    source_system = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "datetime2", nullable: false),
                    valid_to = table.Column<DateTime>(type: "datetime2", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    content_hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_generic_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_generic_records_kind_atena_latest",
                table: "generic_records",
                columns: new[] { "kind", "atena_number" },
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_generic_records_sync_run",
                table: "generic_records",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ux_generic_records_latest",
                table: "generic_records",
                columns: new[] { "kind", "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "generic_records");
        }
    }
}
