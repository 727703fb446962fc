using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ResidentBirthIndexesLatest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_birth_earliest_living",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_birth_latest_living",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_birth_earliest_latest",
                table: "residents",
                column: "birth_date_earliest",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_birth_latest_latest",
                table: "residents",
                column: "birth_date_latest",
                filter: "superseded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_residents_birth_earliest_latest",
                table: "residents");

            migrationBuilder.DropIndex(
                name: "ix_residents_birth_latest_latest",
                table: "residents");

            migrationBuilder.CreateIndex(
                name: "ix_residents_birth_earliest_living",
                table: "residents",
                column: "birth_date_earliest",
                filter: "superseded_at IS NULL AND valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_birth_latest_living",
                table: "residents",
                column: "birth_date_latest",
                filter: "superseded_at IS NULL AND valid_to IS NULL");
        }
    }
}
