using Hub.Policy.Administration;

namespace Hub.Capabilities.Policies;

/// <summary>
/// Runs <see cref="PolicyVersionWatcher"/> on this node. Before the server listens it seeds the default policy into an
/// empty database (once, whichever node gets there first) and loads the version in force, so the first request
/// already has field masks; then it polls every <see cref="PolicyOptions.PollInterval"/> until the host stops. A poll
/// that fails (database out of reach, a version that does not build) is logged and the version in force stays.
/// </summary>
public partial class PolicyWatcherHostedService(
    PolicyAdministration administration,
    PolicyVersionWatcher watcher,
    IPolicyNodeRegistry nodes,
    PolicyFiles files,
    PolicyOptions options,
    TimeProvider timeProvider,
    ILogger<PolicyWatcherHostedService> logger) : IHostedService, IDisposable
{
    /// <summary>Who the seeded version is recorded as made and published by.</summary>
    public const string SeedActor = "hub";

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private string? _lastError;
    private int? _reportedVersion;
    private DateTimeOffset _reportedAt;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.SeedWhenEmpty)
        {
            var seeded = await administration.SeedAsync(
                SeedActor,
                $"default policy from {files.Directory}",
                await File.ReadAllTextAsync(files.ModelPath, cancellationToken),
                await File.ReadAllTextAsync(files.PolicyPath, cancellationToken),
                cancellationToken);
            if (seeded is not null)
            {
                LogSeeded(files.Directory);
            }
        }

        await PollAsync(cancellationToken);
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host that is disposed before (or instead of) being stopped has already ended the loop in Dispose.
        if (_loop is null || _disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown time ran out while a poll waited on the database (SQLite's busy wait does not
            // observe cancellation); the loop ends by itself once that call returns, and stopping must not fail.
            LogStoppedDuringPoll();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.PollInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await PollAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await watcher.PollOnceAsync(cancellationToken))
            {
                LogInForce(watcher.CurrentVersion);
            }

            ReportError(watcher.LastError);
            await ReportNodeAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ReportError($"store: {e.GetBaseException().Message}");
        }
    }

    // Tells the other nodes and the console which version this node serves: at once when it changed, else now and then.
    private async Task ReportNodeAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (watcher.CurrentVersion is not { } version || (version == _reportedVersion && now - _reportedAt < options.NodeReportInterval))
        {
            return;
        }

        await nodes.ReportAsync(options.NodeName, version, now, cancellationToken);
        (_reportedVersion, _reportedAt) = (version, now);
    }

    // Each distinct failure once, not every two seconds.
    private void ReportError(string? error)
    {
        if (error is not null && error != _lastError)
        {
            LogPollFailed(error, watcher.CurrentVersion);
        }

        _lastError = error;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy: the host stopped while a poll was still waiting on the database")]
    private partial void LogStoppedDuringPoll();

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy: seeded the default policy from {Directory} as version 1")]
    private partial void LogSeeded(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy: version {Version} is in force on this node")]
    private partial void LogInForce(int? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy: {Error}; version {Version} stays in force on this node")]
    private partial void LogPollFailed(string error, int? version);
}
