using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccessRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "access_record_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_record_head", x => x.id);
                    table.CheckConstraint("ck_access_record_head_singleton", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "access_records",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    user_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    client_id = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    task = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    @case = table.Column<string>(name: "case", type: "nvarchar(200)", maxLength: 200, nullable: true),
                    operation = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    subject_atena_numbers = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    field_paths = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    my_number_used = table.Column<bool>(type: "bit", nullable: false),
                    policy_version = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    previous_hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_records", x => x.sequence);
                });

            migrationBuilder.InsertData(
                table: "access_record_head",
                columns: new[] { "id", "last_hash", "last_sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_access_records_recorded_at",
                table: "access_records",
                column: "recorded_at");

            migrationBuilder.CreateIndex(
                name: "ix_access_records_user_recorded_at",
                table: "access_records",
                columns: new[] { "user_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_record_head");

            migrationBuilder.DropTable(
                name: "access_records");
        }
    }
}
