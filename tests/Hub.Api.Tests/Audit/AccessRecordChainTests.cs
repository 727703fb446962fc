using Hub.Capabilities.Audit;
using Hub.Api.CommandLine;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// The access record chain on a real database: appended by the writer, then changed, removed or reordered behind the
/// hub's back with SQL; <c>hub audit verify</c> names the record each time. And <c>hub audit report</c>'s findings.
/// </summary>
public sealed class AccessRecordChainTests
{
    private static readonly HubRequestContext Clerk = new("resident-registry", "窓口", "CASE-1", "demo-resident-clerk", ["staff"], null, "kiosk-1");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_IntactChain_Exit0(DatabaseProvider provider)
    {
        await using var database = await ChainAsync(provider, 5);
        using var output = new StringWriter();

        var code = await AuditCommand.VerifyAsync(database.Factory, output, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Contains("intact: 5 record(s)", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_ChangedRecord_NamesIt(DatabaseProvider provider)
    {
        await using var database = await ChainAsync(provider, 5);
        await using (var db = database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 3).ExecuteUpdateAsync(s => s.SetProperty(r => r.Purpose, "改ざん"), TestContext.Current.CancellationToken);
        }

        var (code, text) = await VerifyAsync(database);

        Assert.Equal(1, code);
        Assert.Contains("record 3: changed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("record 4", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_RemovedRecordInTheMiddleOrAtTheEnd_NamesIt(DatabaseProvider provider)
    {
        await using var database = await ChainAsync(provider, 5);
        await using (var db = database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 2 || r.Sequence == 5).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var (code, text) = await VerifyAsync(database);

        Assert.Equal(1, code);
        Assert.Contains("record 2: removed", text, StringComparison.Ordinal);
        Assert.Contains("record 5: removed from the end", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_ReorderedRecords_NamesThem(DatabaseProvider provider)
    {
        await using var database = await ChainAsync(provider, 5);
        await using (var db = database.CreateContext())
        {
            // Swap records 2 and 3 wholesale, renumbering them, as someone hiding the order of two accesses would.
            var two = await db.AccessRecords.AsNoTracking().SingleAsync(r => r.Sequence == 2, TestContext.Current.CancellationToken);
            var three = await db.AccessRecords.AsNoTracking().SingleAsync(r => r.Sequence == 3, TestContext.Current.CancellationToken);
            await db.AccessRecords.Where(r => r.Sequence == 2 || r.Sequence == 3).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            (two.Sequence, three.Sequence) = (3, 2);
            db.AccessRecords.AddRange(two, three);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (code, text) = await VerifyAsync(database);

        Assert.Equal(1, code);
        Assert.Contains("record 2:", text, StringComparison.Ordinal);
        Assert.Contains("record 3:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AfterHoursAndMassLookups_Flagged()
    {
        var records = new List<AccessRecord>
        {
            Record(1, new DateTime(2025, 6, 2, 1, 0, 0, DateTimeKind.Utc), "clerk-a", "100001"), // Monday 10:00 JST
            Record(2, new DateTime(2025, 6, 2, 13, 30, 0, DateTimeKind.Utc), "clerk-b", "100002"), // Monday 22:30 JST
            Record(3, new DateTime(2025, 6, 7, 1, 0, 0, DateTimeKind.Utc), "clerk-a", "100003"), // Saturday 10:00 JST
        };
        records.AddRange(Enumerable.Range(0, 4).Select(i => Record(10 + i, new DateTime(2025, 6, 3, 2, i, 0, DateTimeKind.Utc), "clerk-c", "20000" + i)));

        var findings = AccessReport.Analyze(records, new AccessReportOptions { MassLookupThreshold = 3 });

        Assert.Equal(3, findings.Count);
        Assert.StartsWith("after-hours: record 2 at 2025-06-02 22:30 JST by clerk-b", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("after-hours: record 3 at 2025-06-07 10:00 JST (weekend)", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("mass lookup: clerk-c looked at 4 residents on 2025-06-03", findings[2], StringComparison.Ordinal);
        Assert.DoesNotContain(findings, f => f.Contains("20000", StringComparison.Ordinal)); // names users, never residents
    }

    [Fact]
    public void ReportOptions_Invalid_ListsEveryProblem()
    {
        var problems = new AccessReportOptions { OfficeHoursStart = 20, OfficeHoursEnd = 8, MassLookupThreshold = 0 }.Validate();

        Assert.Equal(2, problems.Count);
    }

    private static AccessRecord Record(long sequence, DateTime at, string user, string subject) => new()
    {
        Sequence = sequence, RecordedAt = at, UserId = user, Task = "resident-registry", Purpose = "p", Operation = "resident",
        SubjectAtenaNumbers = AccessRecordFormat.JoinSubjects([subject]), FieldPaths = "resident.name", PolicyVersion = "1",
    };

    private static async Task<TestDatabase> ChainAsync(DatabaseProvider provider, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, new FixedTime(new DateTimeOffset(2025, 6, 2, 1, 0, 0, TimeSpan.Zero)));
        for (var i = 0; i < count; i++)
        {
            await writer.AppendAsync(Clerk, new AccessEntry(["resident"], ["20000" + i], ["resident.name"], i == 1), "1", TestContext.Current.CancellationToken);
        }

        return database;
    }

    private static async Task<(int Code, string Text)> VerifyAsync(TestDatabase database)
    {
        using var output = new StringWriter();
        var code = await AuditCommand.VerifyAsync(database.Factory, output, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
