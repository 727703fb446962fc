using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.Prefill;

/// <summary>Pre-fill on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlPrefillTests(PostgreSqlHubGraphQLFixture fixture)
    : PrefillSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
