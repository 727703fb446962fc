using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Writing;

/// <summary>
/// Identity checks read the registry by the batch's keys while a run has checked few claims, and whole once it has
/// checked many: both paths must quarantine the same records for the same reasons and load the same ones.
/// </summary>
public sealed class RegistryIdentityPathsTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task KeyedReads_AndTheFullRead_QuarantineTheSameRecords(DatabaseProvider provider)
    {
        var keyed = await RunAsync(provider, fullReadAfterClaims: int.MaxValue);
        var full = await RunAsync(provider, fullReadAfterClaims: 0);
        var switching = await RunAsync(provider, fullReadAfterClaims: 7);

        Assert.Contains(keyed, line => line.Contains("unknown to the resident registry", StringComparison.Ordinal));
        Assert.Contains(keyed, line => line.Contains("contradicts the resident registry", StringComparison.Ordinal));
        Assert.Equal(keyed, full);
        Assert.Equal(keyed, switching);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FullReadKeptBetweenRuns_IsTakenAgain_OnceTheRegistryChanges(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var dir = Directory.CreateTempSubdirectory("hub-identity-snapshot-").FullName;
        try
        {
            // One runner for every run, reading the whole registry from the first claim on.
            var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance) { IdentityFullReadAfterClaims = 0 };
            var file = Path.Combine(dir, "residents.csv");
            await RegistryAsync(runner, file, residents: 5, changedMyNumberOf: null);
            var before = await QualificationsAsync(runner, "qualifications-a", [Tax(1, ResidentExport.MyNumberFor(1)), Tax(2, ResidentExport.MyNumberFor(2)), Tax(6, ResidentExport.MyNumberFor(6))]);
            Assert.Equal((2L, 1L), before);

            // The registry learns resident 6 and changes resident 2's My Number: the kept read no longer holds.
            File.Delete(file);
            await RegistryAsync(runner, file, residents: 6, changedMyNumberOf: 2);
            var after = await QualificationsAsync(runner, "qualifications-b", [Tax(1, ResidentExport.MyNumberFor(1)), Tax(2, ResidentExport.MyNumberFor(2)), Tax(6, ResidentExport.MyNumberFor(6))]);
            Assert.Equal((2L, 1L), after);

            await using var ctx = db.CreateContext();
            var quarantined = await ctx.QuarantinedRecords.Where(q => q.Source == "qualifications-b").Select(q => q.Reason).SingleAsync(Ct);
            Assert.Equal("my_number: contradicts the resident registry", quarantined);
            Assert.True(await ctx.TaxAssessments.AnyAsync(t => t.SourceSystem == "qualifications-b" && t.AtenaNumber == ResidentExport.Atena(6), Ct));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task RegistryAsync(SyncRunner runner, string file, int residents, int? changedMyNumberOf)
    {
        var export = new ResidentExport();
        for (var i = 1; i <= residents; i++)
        {
            var n = i;
            export.Person(i, i, "世帯主", i, tweak: r =>
            {
                if (n == changedMyNumberOf)
                {
                    r["my_number"] = ResidentExport.MyNumberFor(20);
                }
            });
        }

        export.WriteTo(file);
        var run = await runner.RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);
        Assert.True(run.Succeeded, run.Error);
    }

    // (loaded, quarantined)
    private static async Task<(long Loaded, long Quarantined)> QualificationsAsync(SyncRunner runner, string source, CanonicalRecord[] records)
    {
        var run = await runner.RunAsync(new SyncSource(source, source, () => new ListSourceAdapter(records, batchSize: 2)), null, Ct);
        Assert.True(run.Succeeded, run.Error);
        return (run.Inserted, run.Quarantined);
    }

    // The run's counts, then each quarantine entry (location and reason) and each loaded key, in order.
    private static async Task<List<string>> RunAsync(DatabaseProvider provider, int fullReadAfterClaims)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var dir = Directory.CreateTempSubdirectory("hub-identity-paths-").FullName;
        try
        {
            var export = new ResidentExport();
            for (var i = 1; i <= 12; i++)
            {
                // Resident 4 has no My Number registered.
                export.Person(i, i, "世帯主", i, tweak: r =>
                {
                    if (i == 4)
                    {
                        r["my_number"] = string.Empty;
                    }
                });
            }

            var file = export.WriteTo(Path.Combine(dir, "residents.csv"));
            var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance) { IdentityFullReadAfterClaims = fullReadAfterClaims };
            var registry = await runner.RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);
            Assert.True(registry.Succeeded, registry.Error);

            CanonicalRecord[] records =
            [
                Tax(1, ResidentExport.MyNumberFor(1)),
                Tax(99, null),
                Tax(2, ResidentExport.MyNumberFor(7)),
                Tax(3, null),
                Tax(4, ResidentExport.MyNumberFor(4)),
                Allowance("A1", 5, 6),
                Allowance("A2", 5, 98),
                Tax(8, ResidentExport.MyNumberFor(8)),
                Tax(97, ResidentExport.MyNumberFor(9)),
                Allowance("A3", 96, 10),
                Tax(11, ResidentExport.MyNumberFor(11)),
                Tax(12, ResidentExport.MyNumberFor(3)),
            ];
            var tax = await runner.RunAsync(new SyncSource("qualifications", "qualifications", () => new ListSourceAdapter(records, batchSize: 3)), null, Ct);
            Assert.True(tax.Succeeded, tax.Error);

            await using var ctx = db.CreateContext();
            var lines = new List<string> { $"read {tax.Read} inserted {tax.Inserted} quarantined {tax.Quarantined}" };
            lines.AddRange((await ctx.QuarantinedRecords.OrderBy(q => q.Id).Select(q => new { q.Location, q.Reason }).ToListAsync(Ct)).Select(q => $"{q.Location}: {q.Reason}"));
            lines.AddRange((await ctx.TaxAssessments.Select(t => t.SourceKey).ToListAsync(Ct)).Order(StringComparer.Ordinal));
            lines.AddRange((await ctx.ChildAllowanceEntitlements.Select(t => t.SourceKey).ToListAsync(Ct)).Order(StringComparer.Ordinal));
            return lines;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static CanonicalTaxAssessment Tax(int atena, string? myNumber) => new()
    {
        AtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(atena)),
        MyNumber = myNumber is null ? null : MyNumber.Parse(myNumber),
        FiscalYear = 2025,
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
}
