namespace Hub.Adapters.Sdk;

/// <summary>The result of <see cref="ISourceHealth.CheckAsync"/>.</summary>
/// <param name="IsHealthy">True when the source can be read.</param>
/// <param name="Description">What was checked and, when unhealthy, what is wrong (no personal data).</param>
public sealed record SourceHealth(bool IsHealthy, string Description)
{
    /// <summary>A healthy result.</summary>
    public static SourceHealth Healthy(string description) => new(true, description);

    /// <summary>An unhealthy result.</summary>
    public static SourceHealth Unhealthy(string description) => new(false, description);
}
