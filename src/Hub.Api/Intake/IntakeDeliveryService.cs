using Hub.Capabilities.Intake.Delivery;

namespace Hub.Api.Intake;

/// <summary>Runs the outbox while the server runs: a round every <see cref="IntakeDeliveryOptions.PollInterval"/>, at once again while rows remain.</summary>
internal sealed partial class IntakeDeliveryService(IntakeOutboxDispatcher dispatcher, IntakeDeliveryOptions options, ILogger<IntakeDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                var (delivered, failed) = await dispatcher.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                busy = delivered + failed >= options.BatchSize;
                if (failed > 0)
                {
                    LogFailed(logger, failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a database outage must not end delivery for good: the next round tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, e.GetType().Name);
            }

            if (!busy)
            {
                await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Intake delivery: {Failed} deliveries failed this round and will be retried")]
    private static partial void LogFailed(ILogger logger, int failed);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Intake delivery round failed: {Exception}")]
    private static partial void LogRoundFailed(ILogger logger, string exception);
}
