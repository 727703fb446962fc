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

            // Written by hand: WITHOUT ROWID keeps the nodes in one B-tree ordered by their key, instead of a rowid table
            // plus the key's index (two writes per node on the append path, and twice the space).
            migrationBuilder.Sql(
                "CREATE TABLE \"access_record_tree\" (" +
                "\"level\" INTEGER NOT NULL, \"node_index\" INTEGER NOT NULL, \"hash\" BLOB NOT NULL, " +
                "CONSTRAINT \"PK_access_record_tree\" PRIMARY KEY (\"level\", \"node_index\")) WITHOUT ROWID;");

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
