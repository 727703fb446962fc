using Hub.Capabilities.Audit;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;

namespace Hub.Api.GraphQL;

/// <summary>What every resolver of one request can reach: the request context, its field decisions, batch loaders and access collector.</summary>
internal sealed class HubUserContext(HubRequestContext context, FieldGate gate, HubDataLoaders loaders, AccessCollector access) : Dictionary<string, object?>
{
    /// <summary>Who asks, for which task, purpose and case.</summary>
    public HubRequestContext Context { get; } = context;

    /// <summary>The request's field decisions (項目マスク).</summary>
    public FieldGate Gate { get; } = gate;

    /// <summary>The request's batch loaders.</summary>
    public HubDataLoaders Loaders { get; } = loaders;

    /// <summary>What the request released, for its access record.</summary>
    public AccessCollector Access { get; } = access;
}
