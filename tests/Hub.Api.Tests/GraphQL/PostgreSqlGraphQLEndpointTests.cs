using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.GraphQL;

/// <summary>The GraphQL endpoint on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlGraphQLEndpointTests(PostgreSqlHubApiFixture fixture)
    : GraphQLEndpointSpecification<PostgreSqlHubApiFixture>(fixture), IClassFixture<PostgreSqlHubApiFixture>;
