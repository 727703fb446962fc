using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Scheduling;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hub.Sync.Tests.Scheduling;

/// <summary>Registration on the SQLite default (in-memory store), turning scheduling or one source off, and settings validation.</summary>
public sealed class SchedulingRegistrationTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-scheduling-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Sqlite_InMemoryStore_ScheduledJobRunsTheSource()
    {
        var file = SchedulingNode.WriteFamily(_dir);
        var recorder = new FireRecorder();
        await using var node = await SchedulingNode.StartAsync(_db!, file, "solo", "* * * * * ?", recorder, Ct);

        while (recorder.Fires.Count < 2)
        {
            await Task.Delay(100, Ct);
        }

        await node.StopAsync();
        Assert.False((await node.Scheduler.GetMetadata(Ct)).JobStorePersistent);
        await using var ctx = _db!.CreateContext();
        var runs = await ctx.SyncRuns.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(recorder.Fires.Count, runs.Count);
        Assert.All(runs, r => Assert.Equal(SyncRunStatus.Succeeded, r.Status));
        Assert.Equal(4, runs[0].Inserted);
    }

    [Fact]
    public async Task Defaults_OneJobPerSourceOnTheDefaultSchedule()
    {
        await using var services = SchedulingNode.Services(SchedulingNode.Configuration(_db!, "residents.csv"));

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(SyncJobKeys.Trigger("resident-registry"), Ct));
        Assert.Equal("0 0/15 * * * ?", trigger.CronExpressionString);
        var job = await scheduler.GetJobDetail(SyncJobKeys.Job("resident-registry"), Ct);
        Assert.NotNull(job);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.NotEqual(SchedulerStatus.Running, scheduler.Status);
    }

    [Fact]
    public async Task SourceScheduleOff_NoJobForIt()
    {
        await using var services = SchedulingNode.Services(SchedulingNode.Configuration(_db!, "residents.csv", new Dictionary<string, string?>
        {
            ["Hub:Sources:resident-registry:Schedule"] = "off",
        }));

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        Assert.Null(await scheduler.GetJobDetail(SyncJobKeys.Job("resident-registry"), Ct));
    }

    [Fact]
    public async Task SchedulingDisabled_NoSchedulerIsRegistered()
    {
        await using var services = SchedulingNode.Services(SchedulingNode.Configuration(_db!, "residents.csv", new Dictionary<string, string?>
        {
            ["Hub:Sync:Scheduling:Enabled"] = "false",
        }));

        Assert.Null(services.GetService<ISchedulerFactory>());
        Assert.False(services.GetRequiredService<SyncSchedulingOptions>().Enabled);
    }

    [Fact]
    public void BadSettings_OneMessageListsEveryProblem()
    {
        var configuration = SchedulingNode.Configuration(_db!, "residents.csv", new Dictionary<string, string?>
        {
            ["Hub:Sync:Scheduling:DefaultSchedule"] = "every day",
            ["Hub:Sync:Scheduling:TimeZone"] = "Mars/Olympus_Mons",
            ["Hub:Sync:Scheduling:TablePrefix"] = "qrtz; drop",
            ["Hub:Sources:resident-registry:Schedule"] = "0 61 * * * ?",
            ["Hub:Sources:payroll:Kind"] = "spreadsheet",
        });

        var e = Assert.Throws<HubSyncConfigurationException>(() => SchedulingNode.Services(configuration));

        var lines = e.Message.Split(Environment.NewLine);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sync:Scheduling:DefaultSchedule ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sources:payroll:Kind has the unknown value 'spreadsheet'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sources:resident-registry:Schedule is neither", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sync:Scheduling:TimeZone ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Setting Hub:Sync:Scheduling:TablePrefix ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "0 0/15 * * * ?")]
    [InlineData("", "0 0/15 * * * ?")]
    [InlineData("0 0 2 * * ?", "0 0 2 * * ?")]
    [InlineData("OFF", null)]
    public void ScheduleOf_OwnScheduleDefaultOrOff(string? own, string? expected)
    {
        var options = new SyncSchedulingOptions();
        if (own is not null)
        {
            options.Schedules["resident-registry"] = own;
        }

        Assert.Equal(expected, options.ScheduleOf("resident-registry"));
    }
}
