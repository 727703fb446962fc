using Hub.Api.GraphQL.Loading;
using Hub.Api.RequestContext;

namespace Hub.Api.GraphQL;

/// <summary>What every resolver of one request can reach: the request context and the request's batch loaders.</summary>
internal sealed class HubUserContext(HubRequestContext context, HubDataLoaders loaders) : Dictionary<string, object?>
{
    /// <summary>Who asks, for which task, purpose and case.</summary>
    public HubRequestContext Context { get; } = context;

    /// <summary>The request's batch loaders.</summary>
    public HubDataLoaders Loaders { get; } = loaders;
}
