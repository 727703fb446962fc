using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.GraphQL;

/// <summary>The GraphQL endpoint on SQLite.</summary>
public sealed class SqliteGraphQLEndpointTests(SqliteHubApiFixture fixture)
    : GraphQLEndpointSpecification<SqliteHubApiFixture>(fixture), IClassFixture<SqliteHubApiFixture>;
