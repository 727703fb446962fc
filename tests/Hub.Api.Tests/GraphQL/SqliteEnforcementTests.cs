namespace Hub.Api.Tests.GraphQL;

/// <summary>Enforcement and access records on SQLite.</summary>
public sealed class SqliteEnforcementTests(SqliteHubGraphQLFixture fixture)
    : EnforcementSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;
