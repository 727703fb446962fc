using GraphQL;
using Hub.Api.GraphQL.Errors;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// One request's execution timeout (<see cref="GraphQLLimitsOptions.ExecutionTimeout"/>) on the hub's
/// <see cref="TimeProvider"/>, joined with the client's own cancellation.
/// </summary>
internal sealed class ExecutionDeadline : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public ExecutionDeadline(TimeSpan timeout, TimeProvider time, CancellationToken requestAborted)
    {
        _timeout = timeout;
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, requestAborted);
    }

    /// <summary>Cancelled when the deadline passes or the client goes away.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the deadline has passed (as opposed to the client cancelling).</summary>
    public bool Expired => _timer.IsCancellationRequested;

    /// <summary>The answer for an expired request: no data, one <c>LIMIT_EXCEEDED</c> error.</summary>
    public ExecutionResult ExpiredResult() => new()
    {
        Executed = false,
        Errors =
        [
            HubErrors.Create(
                HubErrorCodes.LimitExceeded,
                $"The request did not finish within {_timeout.TotalSeconds:0.###} s (setting {GraphQLLimitsOptions.SectionName}:ExecutionTimeout) and was abandoned; no data is returned."),
        ],
    };

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
