using Hub.Adapters.Sdk;
using Hub.Sync.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Hub.Sync.Resilience;

/// <summary>
/// The retry policy of every source: one Polly pipeline, built once from validated options (immutable and
/// thread-safe), that <see cref="ResilientSourceAdapter"/> runs each read through.
/// </summary>
public sealed partial class SourceResilience
{
    private readonly ILogger _logger;

    /// <summary>Builds the pipeline; throws <see cref="HubSyncConfigurationException"/> listing every problem with <paramref name="options"/>.</summary>
    public SourceResilience(SourceResilienceOptions options, TimeProvider time, ILogger<SourceResilience>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.ThrowIfInvalid();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        MaxAttempts = options.MaxRetryAttempts + 1;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientSourceFailure.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                OnRetry = args =>
                {
                    var source = args.Context.Properties.GetValue(SourceKey, "?");
                    var e = args.Outcome.Exception;
                    LogRetry(source, args.AttemptNumber + 1, MaxAttempts, args.RetryDelay, e?.GetType().Name, e?.Message);
                    return default;
                },
            });
        }

        Pipeline = builder.Build();
    }

    /// <summary>Attempts per read, the first included.</summary>
    public int MaxAttempts { get; }

    internal static ResiliencePropertyKey<string> SourceKey { get; } = new("hub.source");

    internal ResiliencePipeline Pipeline { get; }

    /// <summary>Wraps <paramref name="adapter"/> so that transient failures are retried, resuming after the last batch it yielded.</summary>
    public ISourceAdapter Wrap(ISourceAdapter adapter, string sourceName) =>
        adapter is ResilientSourceAdapter ? adapter : new ResilientSourceAdapter(adapter, sourceName, this);

    /// <summary>The same source, with every adapter it creates wrapped by <see cref="Wrap"/>.</summary>
    public SyncSource Apply(SyncSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var create = source.CreateAdapter;
        return source with { CreateAdapter = () => Wrap(create(), source.Name) };
    }

    /// <summary><paramref name="sources"/> with <see cref="Apply(SyncSource)"/> applied, or unchanged when <paramref name="resilience"/> is null.</summary>
    public static IReadOnlyList<SyncSource> Apply(SourceResilience? resilience, IReadOnlyList<SyncSource> sources) =>
        resilience is null ? sources : [.. sources.Select(resilience.Apply)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source}: attempt {Attempt} of {MaxAttempts} failed ({ErrorType}: {Error}); retrying in {Delay}")]
    private partial void LogRetry(string source, int attempt, int maxAttempts, TimeSpan delay, string? errorType, string? error);
}
