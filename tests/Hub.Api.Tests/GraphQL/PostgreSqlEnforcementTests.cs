namespace Hub.Api.Tests.GraphQL;

/// <summary>Enforcement and access records on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlEnforcementTests(PostgreSqlHubGraphQLFixture fixture)
    : EnforcementSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
