namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// Runs <see cref="CheckpointPublisher"/> on this node while it serves: once before the server listens (so records left
/// from an earlier run are anchored, or counted as lagging, at once), then every <see cref="CheckpointOptions.Interval"/>.
/// A round that fails is logged (each distinct problem once) and retried on the next tick; the lag it leaves is what
/// <c>/healthz</c> and <c>AUDIT_UNANCHORED</c> report.
/// </summary>
public partial class CheckpointHostedService(
    CheckpointPublisher publisher,
    CheckpointOptions options,
    TimeProvider timeProvider,
    ILogger<CheckpointHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private string? _lastProblem;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(publisher.Signer.Verifier.ToString(), publisher.Witness.Location);
        await RoundAsync(cancellationToken);
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
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
            // The host's shutdown time ran out during a round; it ends by itself.
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
        using var timer = new PeriodicTimer(options.Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await RoundAsync(stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        CheckpointPublication publication;
        try
        {
            publication = await publisher.PublishAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A round never ends the loop: the next tick tries again, and the lag is what /healthz reports meanwhile.
            publication = new CheckpointPublication(null, new WitnessOutcome(WitnessVerdict.Failed, $"checkpoint round failed: {e.GetBaseException().Message}"));
        }

        var problem = publication.Outcome is { Anchored: false } outcome ? outcome.Message : null;
        if (problem is not null && problem != _lastProblem)
        {
            LogNotAnchored(publication.Outcome!.Verdict, problem);
        }
        else if (problem is null && publication.Outcome?.Verdict == WitnessVerdict.Accepted)
        {
            LogAnchored(publication.Checkpoint!.TreeSize);
        }

        _lastProblem = problem;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Access log checkpoints: signed with {VerifierKey}, written to {Witness}")]
    private partial void LogStarted(string verifierKey, string witness);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Access log checkpoint of {Size} records accepted by the witness")]
    private partial void LogAnchored(long size);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access log not anchored ({Verdict}): {Problem}")]
    private partial void LogNotAnchored(WitnessVerdict verdict, string problem);
}
