using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessRecordTree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "tree_edge",
                table: "access_record_head",
                type: "BLOB",
                maxLength: 2016,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<long>(
                name: "tree_size",
                table: "access_record_head",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "access_record_checkpoints",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "INTEGER", nullable: false),
                    root_hash = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 32, nullable: false),
                    signed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_record_checkpoints", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "access_record_tree",
                columns: table => new
                {
                    position = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<byte[]>(type: "BLOB", fixedLength: true, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_access_record_tree", x => x.position);
                });

            migrationBuilder.UpdateData(
                table: "access_record_head",
                keyColumn: "id",
                keyValue: 1,
                columns: new[] { "tree_edge", "tree_size" },
                values: new object[] { new byte[0], 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "access_record_checkpoints");

            migrationBuilder.DropTable(
                name: "access_record_tree");

            migrationBuilder.DropColumn(
                name: "tree_edge",
                table: "access_record_head");

            migrationBuilder.DropColumn(
                name: "tree_size",
                table: "access_record_head");
        }
    }
}
