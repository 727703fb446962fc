using Hub.Adapters.Sdk;

namespace Hub.Adapters;

/// <summary>One configured source: its name (unique in the hub), the core system it belongs to, and how to create its adapter.</summary>
/// <param name="Name">Unique name, as <c>hub sync run --source NAME</c> takes it.</param>
/// <param name="SourceSystem">One of <see cref="SourceSystems"/>, or a vendor's own system name.</param>
/// <param name="Create">Creates the adapter; called once per run. The options were validated when the registration was added.</param>
public sealed record AdapterRegistration(string Name, string SourceSystem, Func<IServiceProvider, ISourceAdapter> Create);
