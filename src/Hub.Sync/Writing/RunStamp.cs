namespace Hub.Sync.Writing;

/// <summary>Provenance shared by everything one batch writes.</summary>
/// <param name="RunId">The sync run.</param>
/// <param name="Source">Configured source name.</param>
/// <param name="SourceSystem">Source system recorded on each version.</param>
/// <param name="Now">Ingest and record time (UTC) of the batch.</param>
internal sealed record RunStamp(long RunId, string Source, string SourceSystem, DateTime Now);
