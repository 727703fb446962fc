namespace Hub.Sync.Sources;

/// <summary>The sources as <c>AddHubSync</c> read them, before retries are applied: what the scheduler registers its jobs from.</summary>
internal sealed record DeclaredSources(ConfiguredSources Sources);
