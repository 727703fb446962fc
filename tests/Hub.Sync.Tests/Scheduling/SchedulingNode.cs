using Hub.Sync.Scheduling;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Hub.Sync.Tests.Scheduling;

/// <summary>One hub "node": the real registrations (database, sync, scheduling) on a test database, and its scheduler.</summary>
internal sealed class SchedulingNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchedulingNode(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public static IConfiguration Configuration(TestDatabase db, string residentsFile, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = db.Options.Provider,
            ["Database:ConnectionString"] = db.Options.ConnectionString,
            ["Hub:Sources:resident-registry:Kind"] = "builtin",
            ["Hub:Sources:resident-registry:Adapter"] = "resident-registry-csv",
            ["Hub:Sources:resident-registry:Options:FilePath"] = residentsFile,
            ["Hub:Sync:Scheduling:CheckinInterval"] = "00:00:05",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    public static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddHubDatabase(configuration);
        services.AddHubSync(configuration);
        services.AddHubSyncScheduling(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Builds a node named <paramref name="node"/> whose scheduler reports to <paramref name="recorder"/>, and starts it.</summary>
    public static async Task<SchedulingNode> StartAsync(TestDatabase db, string residentsFile, string node, string cron, FireRecorder recorder, CancellationToken ct)
    {
        var services = Services(Configuration(db, residentsFile, new Dictionary<string, string?>
        {
            ["Hub:Sources:resident-registry:Schedule"] = cron,
            ["Hub:Sync:Scheduling:InstanceId"] = node,
            // Only the source under test: the other systems' sources have no data here.
            ["Hub:Sync:Scheduling:DefaultSchedule"] = SyncSchedulingOptions.Off,
        }));
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        scheduler.ListenerManager.AddJobListener(recorder.For(node), [GroupMatcher<JobKey>.AnyGroup()]);
        await scheduler.Start(ct);
        return new SchedulingNode(services, scheduler);
    }

    public static string WriteFamily(string dir) =>
        new ResidentExport()
            .Person(1, 1, "世帯主", 1)
            .Person(2, 1, "妻", 1, name: "山田　花子")
            .Person(3, 1, "子", 1, name: "山田　一郎")
            .Person(4, 1, "子", 1, name: "山田　次郎")
            .WriteTo(Path.Combine(dir, "residents.csv"));

    public async Task StopAsync()
    {
        if (Scheduler.Status != SchedulerStatus.Shutdown)
        {
            await Scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
