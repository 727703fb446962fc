using Hub.Sync.Running;
using Hub.Sync.Sources;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Hub.Sync.Scheduling;

/// <summary>
/// The Quartz job that runs one source (named in its job data). Never two at once for one source: Quartz
/// blocks the source's triggers while it runs, across every node of a cluster.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class SyncSourceJob(ConfiguredSources sources, SyncRunner runner, ILogger<SyncSourceJob> logger) : IJob
{
    /// <summary>Job data key holding the source name.</summary>
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SourceKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} names no source (job data '{SourceKey}').");
        var summary = await runner.RunAsync(sources.Get(name), null, cancellationToken).ConfigureAwait(false);
        context.Result = summary;
        if (summary.Succeeded)
        {
            LogSucceeded(name, summary.RunId, context.ScheduledFireTimeUtc, summary.Read);
        }
        else
        {
            // The run already records why; the next fire retries from the stored watermark.
            LogFailed(name, summary.RunId, context.ScheduledFireTimeUtc, summary.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sync of {Source} (run {RunId}, fire time {FireTime}) succeeded: {Read} read")]
    private partial void LogSucceeded(string source, long runId, DateTimeOffset? fireTime, long read);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled sync of {Source} (run {RunId}, fire time {FireTime}) failed: {Error}")]
    private partial void LogFailed(string source, long runId, DateTimeOffset? fireTime, string? error);
}
