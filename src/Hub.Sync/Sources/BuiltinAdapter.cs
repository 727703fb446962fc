using Hub.Adapters.Sdk;

namespace Hub.Sync.Sources;

/// <summary>A built-in adapter a source of kind <c>builtin</c> names: what it yields and how it is made from its options.</summary>
/// <param name="Name">The value of <c>Adapter</c>, e.g. <c>nhi-api</c>.</param>
/// <param name="SourceSystem">The core system its records come from (provenance).</param>
/// <param name="Record">The catalog record kind it yields.</param>
/// <param name="CreateOptions">A new options object with the hub's defaults, which configuration is bound into.</param>
/// <param name="Create">Creates the adapter for one run from validated options.</param>
public sealed record BuiltinAdapter(string Name, string SourceSystem, string Record, Func<AdapterOptions> CreateOptions, Func<AdapterOptions, ISourceAdapter> Create);
