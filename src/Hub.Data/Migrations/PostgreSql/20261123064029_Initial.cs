using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hub.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_allowance_entitlements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entitlement_id = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    recipient_atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    child_atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    monthly_amount = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    source_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_allowance_entitlements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    household_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    head_atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    head_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    area_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    address_supplement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    source_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nhi_qualifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    household_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    insured_symbol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    insured_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    acquired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    lost_on = table.Column<DateOnly>(type: "date", nullable: true),
                    acquisition_reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    loss_reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    source_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nhi_qualifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quarantined_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    raw_bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    quarantined_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_by_sync_run_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quarantined_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "residents",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    juminhyo_code = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    my_number = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    resident_kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_search_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_kana = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_kana_search_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    alias = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    alias_kana = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    nationality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sex = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    birth_date_text = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    birth_date_earliest = table.Column<DateOnly>(type: "date", nullable: true),
                    birth_date_latest = table.Column<DateOnly>(type: "date", nullable: true),
                    birth_date_precision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    birth_date_on_calendar = table.Column<bool>(type: "boolean", nullable: false),
                    relationship = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    household_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    area_code = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    address_supplement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    change_reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    change_date = table.Column<DateOnly>(type: "date", nullable: true),
                    notified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    previous_address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    source_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_residents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "source_watermarks",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_source_watermarks", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    read = table.Column<long>(type: "bigint", nullable: false),
                    inserted = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    unchanged = table.Column<long>(type: "bigint", nullable: false),
                    quarantined = table.Column<long>(type: "bigint", nullable: false),
                    watermark_before = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    watermark_after = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tax_assessments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    atena_number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    fiscal_year = table.Column<int>(type: "integer", nullable: false),
                    total_income = table.Column<long>(type: "bigint", nullable: true),
                    taxable_income = table.Column<long>(type: "bigint", nullable: true),
                    salary_income = table.Column<long>(type: "bigint", nullable: true),
                    pension_income = table.Column<long>(type: "bigint", nullable: true),
                    business_income = table.Column<long>(type: "bigint", nullable: true),
                    other_income = table.Column<long>(type: "bigint", nullable: true),
                    per_capita_levy = table.Column<long>(type: "bigint", nullable: true),
                    income_levy = table.Column<long>(type: "bigint", nullable: true),
                    non_taxable = table.Column<bool>(type: "boolean", nullable: false),
                    dependents = table.Column<int>(type: "integer", nullable: true),
                    source_system = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_key = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_timestamp = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ingested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    valid_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    superseded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tax_assessments", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_child_latest",
                table: "child_allowance_entitlements",
                column: "child_atena_number",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_entitlements_sync_run",
                table: "child_allowance_entitlements",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_allowance_recipient_latest",
                table: "child_allowance_entitlements",
                column: "recipient_atena_number",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_child_allowance_entitlements_latest",
                table: "child_allowance_entitlements",
                columns: new[] { "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_households_household_number",
                table: "households",
                column: "household_number");

            migrationBuilder.CreateIndex(
                name: "ix_households_sync_run",
                table: "households",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ux_households_latest",
                table: "households",
                columns: new[] { "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nhi_qualifications_atena_latest",
                table: "nhi_qualifications",
                column: "atena_number",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nhi_qualifications_sync_run",
                table: "nhi_qualifications",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ux_nhi_qualifications_latest",
                table: "nhi_qualifications",
                columns: new[] { "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_source_open",
                table: "quarantined_records",
                columns: new[] { "source", "resolved_at" });

            migrationBuilder.CreateIndex(
                name: "ix_quarantined_records_sync_run",
                table: "quarantined_records",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ix_residents_area_latest",
                table: "residents",
                column: "area_code",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_atena_number",
                table: "residents",
                column: "atena_number");

            migrationBuilder.CreateIndex(
                name: "ix_residents_household_latest",
                table: "residents",
                column: "household_number",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_kana_latest",
                table: "residents",
                column: "name_kana_search_key",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_my_number_latest",
                table: "residents",
                column: "my_number",
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_residents_sync_run",
                table: "residents",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ux_residents_latest",
                table: "residents",
                columns: new[] { "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sync_runs_source_started",
                table: "sync_runs",
                columns: new[] { "source", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tax_assessments_atena_year_latest",
                table: "tax_assessments",
                columns: new[] { "atena_number", "fiscal_year" },
                filter: "superseded_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tax_assessments_sync_run",
                table: "tax_assessments",
                column: "sync_run_id");

            migrationBuilder.CreateIndex(
                name: "ux_tax_assessments_latest",
                table: "tax_assessments",
                columns: new[] { "source_system", "source_key" },
                unique: true,
                filter: "superseded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_allowance_entitlements");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "nhi_qualifications");

            migrationBuilder.DropTable(
                name: "quarantined_records");

            migrationBuilder.DropTable(
                name: "residents");

            migrationBuilder.DropTable(
                name: "source_watermarks");

            migrationBuilder.DropTable(
                name: "sync_runs");

            migrationBuilder.DropTable(
                name: "tax_assessments");
        }
    }
}
