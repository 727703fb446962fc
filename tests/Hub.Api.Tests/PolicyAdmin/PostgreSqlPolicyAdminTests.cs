using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>Policy administration over GraphQL on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlPolicyAdminTests(PostgreSqlHubGraphQLFixture fixture)
    : PolicyAdminSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
