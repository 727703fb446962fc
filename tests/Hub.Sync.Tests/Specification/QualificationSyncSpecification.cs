using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>Tax, NHI and child allowance records: loaded with history, keyed by 宛名番号 against the registry.</summary>
public abstract class QualificationSyncSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-qual-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Db => _db!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        var file = new ResidentExport()
            .Person(1, 1, "世帯主", 1)
            .Person(2, 1, "子", 1, name: "山田　一郎", birth: "令和2年1月1日")
            .WriteTo(Path.Combine(_dir, "residents.csv"));
        var registry = await Runner().RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);
        Assert.True(registry.Succeeded, registry.Error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Tax_KnownResident_IsLoaded_UnknownOrContradictingIsQuarantined()
    {
        CanonicalRecord[] records =
        [
            Tax(1, 2025, myNumber: ResidentExport.MyNumberFor(1)),
            Tax(99, 2025),
            Tax(2, 2025, myNumber: ResidentExport.MyNumberFor(7)),
        ];

        var summary = await Run("resident-tax", records);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((3, 1, 2), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var reasons = await ctx.QuarantinedRecords.OrderBy(q => q.Id).Select(q => q.Reason).ToListAsync(Ct);
        Assert.Equal(["atena_number: unknown to the resident registry", "my_number: contradicts the resident registry"], reasons);
        var tax = await ctx.TaxAssessments.Latest().SingleAsync(Ct);
        Assert.Equal((ResidentExport.Atena(1), 2025, 3_000_000L), (tax.AtenaNumber, tax.FiscalYear, tax.TaxableIncome!.Value));
        Assert.Equal(new DateTime(2025, 3, 31, 15, 0, 0, DateTimeKind.Utc), tax.ValidFrom);
    }

    [Fact]
    public async Task Nhi_LostQualification_EndsValidityAndKeepsHistory()
    {
        var acquired = new CanonicalNhiQualification { AtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(1)), AcquiredOn = new DateOnly(2020, 4, 1), InsuredNumber = "123", AcquisitionReason = "社保離脱", SourceTimestamp = At };
        Assert.True((await Run("nhi", [acquired])).Succeeded);

        var lost = acquired with { LostOn = new DateOnly(2025, 10, 1), LossReason = "社保加入", SourceTimestamp = At.AddMonths(5) };
        var summary = await Run("nhi", [lost], fresh: true);

        Assert.Equal((1, 0, 1), (summary.Read, summary.Inserted, summary.Updated));
        await using var ctx = Db.CreateContext();
        Assert.Equal(2, await ctx.NhiQualifications.CountAsync(Ct));
        Assert.Equal(0, await ctx.NhiQualifications.Living().CountAsync(Ct));
        Assert.Equal("社保加入", (await ctx.NhiQualifications.Latest().SingleAsync(Ct)).LossReason);
    }

    [Fact]
    public async Task ChildAllowance_UnknownChild_IsQuarantinedNamingTheField()
    {
        CanonicalRecord[] records =
        [
            Allowance("CA-1", recipient: 1, child: 2),
            Allowance("CA-2", recipient: 1, child: 42),
        ];

        var summary = await Run("child-allowance", records);

        Assert.Equal((2, 1, 1), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var q = await ctx.QuarantinedRecords.SingleAsync(Ct);
        Assert.Equal(("child_atena: unknown to the resident registry", "list:2", "CA-2"), (q.Reason, q.Location, q.SourceKey));
        Assert.Equal(15_000, (await ctx.ChildAllowanceEntitlements.SingleAsync(Ct)).MonthlyAmount);
    }

    private static CanonicalTaxAssessment Tax(int atena, int year, string? myNumber = null) => new()
    {
        AtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(atena)),
        MyNumber = myNumber is null ? null : MyNumber.Parse(myNumber),
        FiscalYear = year,
        TaxableIncome = 3_000_000,
        IncomeLevy = 300_000,
        PerCapitaLevy = 5_000,
        NonTaxable = false,
        SourceTimestamp = At,
    };

    private static CanonicalChildAllowanceEntitlement Allowance(string id, int recipient, int child) => new()
    {
        EntitlementId = id,
        RecipientAtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(recipient)),
        ChildAtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(child)),
        CertifiedOn = new DateOnly(2024, 10, 1),
        MonthlyAmount = 15_000,
        Status = "支給中",
        SourceTimestamp = At,
    };

    private SyncRunner Runner() => new(Db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private async Task<SyncRunSummary> Run(string source, IReadOnlyList<CanonicalRecord> records, bool fresh = false)
    {
        if (fresh)
        {
            // A new export of the same source: read from the start again.
            await using var ctx = Db.CreateContext();
            await ctx.SourceWatermarks.Where(w => w.Source == source).ExecuteDeleteAsync(Ct);
        }

        return await Runner().RunAsync(new SyncSource(source, source, () => new ListSourceAdapter(records)), null, Ct);
    }
}

public sealed class SqliteQualificationSyncTests() : QualificationSyncSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlQualificationSyncTests() : QualificationSyncSpecification(DatabaseProvider.PostgreSql);

public sealed class SqlServerQualificationSyncTests() : QualificationSyncSpecification(DatabaseProvider.SqlServer);
