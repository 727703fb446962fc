namespace Hub.Adapters.Sdk;

/// <summary>死活監視: an adapter that can say whether its source is reachable without reading it.</summary>
public interface ISourceHealth
{
    /// <summary>Checks the source (file present, API answering, view queryable). Does not throw for an unhealthy source.</summary>
    Task<SourceHealth> CheckAsync(CancellationToken cancellationToken);
}
