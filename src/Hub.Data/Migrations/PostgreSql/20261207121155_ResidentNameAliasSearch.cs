using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ResidentNameAliasSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "alias_search_key",
                table: "residents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_residents_alias_latest",
                table: "residents",
                column: "alias_search_key",
                filter: "superseded_at IS NULL AND alias_search_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_name_latest",
                table: "residents",
                column: "name_search_key",
                filter: "superseded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_alias_latest",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_name_latest",
                table: "residents");

            migrationBuilder.DropColumn(
                name: "alias_search_key",
                table: "residents");
        }
    }
}
