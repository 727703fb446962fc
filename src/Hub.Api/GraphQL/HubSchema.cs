using GraphQL.Types;
using Hub.Api.GraphQL.PolicyAdmin;
using Hub.Api.GraphQL.Types;

namespace Hub.Api.GraphQL;

/// <summary>The hub's GraphQL schema. Its SDL is exported to <c>schemas/hub.graphql</c>; a test fails on drift.</summary>
internal sealed class HubSchema : Schema
{
    public HubSchema(IServiceProvider services, HubQueryType query, HubMutationType mutation)
        : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "MunicipalHub (庁内連携 API): residents and households of the common database. Field names are the field catalog's.";
    }
}
