using Hub.Data.Providers;
using Hub.Sync;
using Hub.Sync.Scheduling;
using Hub.Sync.Sources;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Quartz.NET scheduler that runs every configured source on its cron schedule.</summary>
public static class HubSyncSchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler's instance name: the same on every node, so that nodes on one database form one cluster.</summary>
    public const string SchedulerName = "MunicipalHub";

    /// <summary>
    /// Registers one Quartz job per declared source with its cron schedule (<c>Hub:Sources:&lt;name&gt;:Schedule</c>,
    /// default <see cref="SyncSchedulingOptions.DefaultSchedule"/>), and a hosted service that starts the scheduler
    /// once the application has started. On PostgreSQL and SQL Server the schedule lives in a clustered ADO.NET job
    /// store in the hub's own database (Quartz creates its tables there when they are missing), so several hub
    /// nodes never run one fire twice; on SQLite it is held in memory. Does nothing but register the options when
    /// <c>Hub:Sync:Scheduling:Enabled</c> is false. Call after <c>AddHubSync</c>. Bad settings fail here with
    /// <see cref="HubSyncConfigurationException"/>, one message listing every problem.
    /// </summary>
    public static IServiceCollection AddHubSyncScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SyncSchedulingOptions();
        configuration.GetSection(SyncSchedulingOptions.SectionName).Bind(options);
        var declared = services.LastOrDefault(d => d.ServiceType == typeof(DeclaredSources))?.ImplementationInstance as DeclaredSources
            ?? throw new InvalidOperationException("Call AddHubSync before AddHubSyncScheduling: the schedules are the declared sources'.");
        foreach (var source in declared.Sources.Declared.Where(s => s.Schedule is not null))
        {
            options.Schedules[source.Name] = source.Schedule!;
        }

        var names = declared.Sources.Declared.Select(s => s.Name).ToList();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new HubSyncConfigurationException(string.Join(Environment.NewLine, problems));
        }

        services.AddSingleton(options);
        if (!options.Enabled)
        {
            return services;
        }

        var database = new HubDatabaseOptions();
        configuration.GetSection(HubDatabaseOptions.SectionName).Bind(database);
        var provider = database.ParsedProvider;
        var zone = options.ResolveTimeZone();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                if (options.InstanceId is { } id)
                {
                    s.InstanceId = id;
                }
            });
            q.ConfigureOptions<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
            if (provider == DatabaseProvider.Sqlite)
            {
                // One process owns a SQLite file: nothing to cluster with, and nothing worth persisting.
                q.UseInMemoryStore();
            }
            else
            {
                q.UsePersistentStore(store =>
                {
                    _ = provider == DatabaseProvider.PostgreSql
                        ? store.UsePostgres(database.EffectiveConnectionString)
                        : store.UseSqlServer(database.EffectiveConnectionString);
                    store.UseClustering(c => c.CheckinInterval = options.CheckinInterval);
                    store.ProvisionSchema();
                    store.UseSystemTextJsonSerializer();
                    store.ConfigureStore(s =>
                    {
                        s.TablePrefix = options.TablePrefix;
                        s.StoreJobDataAsStrings = true;
                    });
                });
            }

            foreach (var name in names)
            {
                if (options.ScheduleOf(name) is not { } cron)
                {
                    continue;
                }

                q.ScheduleJob<SyncSourceJob>(
                    trigger => trigger
                        .WithIdentity(SyncJobKeys.Trigger(name))
                        .WithDescription($"Sync of {name} on '{cron}'")
                        .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                    job => job
                        .WithIdentity(SyncJobKeys.Job(name))
                        .WithDescription($"Runs source {name}")
                        .UsingJobData(SyncSourceJob.SourceKey, name));
            }
        });
        services.AddQuartzHostedService(o =>
        {
            o.AwaitApplicationStarted = true;
            o.WaitForJobsToComplete = true;
        });
        return services;
    }
}
