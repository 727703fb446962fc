using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Hosting;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// Crash safety of intake: real <c>hub intake submit</c> and <c>hub intake deliver</c> processes are killed (SIGKILL) at 20 chosen
/// points between submission and delivery — each submission point once, each delivery point at its
/// first, second and third passage — and are run again, as a client retries with its Idempotency-Key and as the outbox runs
/// again. Afterwards every submission has exactly one case, every case exactly its legs, one notice, one outbox row per
/// leg and notice; every leg was delivered and its file exists once.
/// </summary>
public abstract class IntakeCrashSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private static readonly string[] SubmissionPoints = ["submit-claimed", "submit-prefilled", "submit-before-notice-outbox", "submit-before-commit", "submit-committed"];

    private static readonly string[] DeliveryPoints = ["deliver-picked", "deliver-released", "deliver-written", "deliver-before-mark", "deliver-marked"];

    private readonly string _dir = Directory.CreateTempSubdirectory("hub-intake-crash-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledAtTwentyPointsBetweenSubmissionAndDelivery_LosesNoCaseAndDuplicatesNoLeg()
    {
        // The host seeds the default policy in the database the processes share.
        var services = await fixture.ServicesAsync();
        var database = await fixture.DatabaseAsync();
        var drop = Path.Combine(_dir, "drop");
        var settings = new[]
        {
            $"--Database:Provider={database.Provider}", $"--Database:ConnectionString={database.Factory.ConnectionString}",
            "--Hub:Audit:Checkpoints:Enabled=false", "--Hub:Identifiers:VerifyCheckDigits=false",
            "--Hub:Intake:IdempotencyLease=00:00:01", $"--Hub:Intake:Delivery:FileDrop:Directory={drop}",
        };
        var expectedLegs = (await services.GetRequiredService<LifeEventGuideService>().GuideAsync(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2026, 1, 1), _ => true, Ct))!
            .Procedures.Count(p => p.Status != LifeEventProcedureStatus.Done && p.Id != "infant-checkup");
        var kills = 0;
        var dates = new List<DateOnly>();

        // Submissions killed at each point, then retried with the same key until the hub answers.
        for (var i = 0; i < SubmissionPoints.Length; i++)
        {
            var on = new DateOnly(2026, 1, 1).AddDays(i);
            dates.Add(on);
            var args = SubmitArgs(on, $"crash-{i}", settings);
            kills += await CrashAsync(SubmissionPoints[i], args);
            Assert.Contains($"legs {expectedLegs}", await UntilAnsweredAsync(args), StringComparison.Ordinal);
        }

        // More applications owed to the departments, then deliveries killed at each point's first, second and third passage.
        for (var i = 0; i < 10; i++)
        {
            var on = new DateOnly(2026, 2, 1).AddDays(i);
            dates.Add(on);
            await UntilAnsweredAsync(SubmitArgs(on, $"plain-{i}", settings));
        }

        foreach (var point in DeliveryPoints)
        {
            for (var hit = 1; hit <= 3; hit++)
            {
                kills += await CrashAsync($"{point}:{hit}", ["intake", "deliver", .. settings]);
            }
        }

        await using (var done = Run(null, ["intake", "deliver", .. settings]))
        {
            Assert.Equal(0, await done.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }

        Assert.True(kills >= 20, $"only {kills} processes died at their crash point");
        await using var db = database.CreateContext();
        var cases = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).Where(c => c.AtenaNumber == RelatedSeed.Child && dates.Contains(c.On)).ToListAsync(Ct);
        Assert.Equal(dates.Order(), cases.Select(c => c.On).Order());
        Assert.All(cases, c => Assert.Equal(expectedLegs, c.Legs.Select(l => l.ProcedureId).Distinct().Count()));
        Assert.All(cases, c => Assert.Equal(expectedLegs, c.Legs.Count));
        var caseIds = cases.Select(c => c.Id).ToList();
        var legIds = cases.SelectMany(c => c.Legs).Select(l => l.Id).ToList();
        Assert.Equal(cases.Count, await db.IntakeNotices.CountAsync(n => caseIds.Contains(n.CaseId) && n.LegId == null, Ct));
        Assert.Equal(legIds.Count, await db.IntakeLegEvents.CountAsync(e => legIds.Contains(e.LegId) && e.FromStatus == null, Ct));
        var nullableLegs = legIds.Select(id => (Guid?)id).ToList();
        var rows = await db.IntakeOutbox.AsNoTracking().Where(o => nullableLegs.Contains(o.LegId)).ToListAsync(Ct);
        Assert.Equal(legIds.Order(), rows.Select(r => r.LegId!.Value).Order());
        Assert.All(rows, r => Assert.NotNull(r.DeliveredAt));

        // One file per leg: a repeated delivery replaced it, a crash mid-write left at most a temporary file no reader takes.
        var files = Directory.GetFiles(drop, "*.json", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.Equal(legIds.Select(id => id.ToString("N")).Order(), files.Where(f => legIds.Any(id => id.ToString("N") == f)).Order());
        Assert.Equal(files.Count, files.Distinct().Count());
    }

    private static string[] SubmitArgs(DateOnly on, string key, string[] settings) =>
        ["intake", "submit", "--event", "BIRTH", "--atena", RelatedSeed.Child, "--on", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            "--key", key, "--answer", "phone=090-5555-5555", .. settings];

    // 1 when the process reached the point and was killed there, 0 when it ended without reaching it.
    private async Task<int> CrashAsync(string point, string[] args)
    {
        await using var process = Run(point, args);
        var reached = await process.WaitForLineAsync(l => l.StartsWith(IntakeCrashPoints.Reached, StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        await process.KillAsync();
        return reached is null ? 0 : 1;
    }

    // A client retrying with its key: in flight (exit 3) until the dead holder's lease runs out, then answered.
    private async Task<string> UntilAnsweredAsync(string[] args)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await using var process = Run(null, args);
            var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(2));
            if (code == 0)
            {
                return process.StandardOutput;
            }

            Assert.True(code == 3, $"submit exited {code}: {process.StandardError}");
            await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        }

        throw new TimeoutException("the submission was never answered");
    }

    private HubProcess Run(string? crashAt, string[] args) =>
        HubProcess.Start(_dir, "Development", crashAt is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [IntakeCrashPoints.Variable] = crashAt }, args);
}

/// <summary>Crash test on SQLite.</summary>
public sealed class SqliteIntakeCrashTests(SqliteHubGraphQLFixture fixture)
    : IntakeCrashSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Crash test on PostgreSQL.</summary>
public sealed class PostgreSqlIntakeCrashTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeCrashSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
