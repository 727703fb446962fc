using Hub.Adapters.Sdk;

namespace Hub.Sync.Sources;

/// <summary>A source read from configuration and checked: everything the runner and the scheduler need.</summary>
/// <param name="Name">The source's name (<c>Hub:Sources:&lt;name&gt;</c>).</param>
/// <param name="Kind">One of <see cref="SourceKinds"/>.</param>
/// <param name="Record">The catalog record kind it feeds.</param>
/// <param name="SourceSystem">The core system recorded as provenance.</param>
/// <param name="Schedule">Its own cron schedule, <c>off</c>, or null for the default.</param>
/// <param name="CreateAdapter">Creates the adapter for one run.</param>
public sealed record DeclaredSource(string Name, string Kind, string Record, string SourceSystem, string? Schedule, Func<ISourceAdapter> CreateAdapter);
