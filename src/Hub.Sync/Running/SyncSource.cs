using Hub.Adapters.Sdk;

namespace Hub.Sync.Running;

/// <summary>A configured source: its name (used for runs, watermarks, quarantine), the system it is, and its adapter.</summary>
/// <param name="Name">Configured name, e.g. <c>resident-registry</c>.</param>
/// <param name="SourceSystem">System recorded as provenance of every record it yields.</param>
/// <param name="CreateAdapter">Creates the adapter for one run.</param>
public sealed record SyncSource(string Name, string SourceSystem, Func<ISourceAdapter> CreateAdapter)
{
    /// <summary>The catalog record kind the source feeds (<c>resident</c>, <c>tax</c>, …); a record of another kind is quarantined. Null: any.</summary>
    public string? Record { get; init; }
}
