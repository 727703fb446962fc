using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>Four eyes, invariants, nodes and replay over GraphQL on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlPolicyReviewTests(PostgreSqlHubGraphQLFixture fixture)
    : PolicyReviewSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
