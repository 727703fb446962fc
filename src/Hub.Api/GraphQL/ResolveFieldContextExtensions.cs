using GraphQL;
using Hub.Capabilities.Audit;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;

namespace Hub.Api.GraphQL;

/// <summary>Access to the hub's per-request state from a resolver.</summary>
internal static class ResolveFieldContextExtensions
{
    /// <summary>The request context (task, purpose, case, user, roles, resident, client).</summary>
    public static HubRequestContext RequestContext(this IResolveFieldContext context) => Hub(context).Context;

    /// <summary>The request's batch loaders.</summary>
    public static HubDataLoaders Loaders(this IResolveFieldContext context) => Hub(context).Loaders;

    /// <summary>The request's field decisions.</summary>
    public static FieldGate Gate(this IResolveFieldContext context) => Hub(context).Gate;

    /// <summary>What the request released, for its access record.</summary>
    public static AccessCollector Access(this IResolveFieldContext context) => Hub(context).Access;

    private static HubUserContext Hub(IResolveFieldContext context) =>
        context.UserContext as HubUserContext
        ?? throw new InvalidOperationException("The hub's user context is missing: execute through the hub's GraphQL endpoint.");
}
