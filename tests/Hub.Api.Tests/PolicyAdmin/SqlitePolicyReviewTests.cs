using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>Four eyes, invariants, nodes and replay over GraphQL on SQLite.</summary>
public sealed class SqlitePolicyReviewTests(SqliteHubGraphQLFixture fixture)
    : PolicyReviewSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;
