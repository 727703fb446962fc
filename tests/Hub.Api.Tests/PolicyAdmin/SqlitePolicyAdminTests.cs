using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>Policy administration over GraphQL on SQLite.</summary>
public sealed class SqlitePolicyAdminTests(SqliteHubGraphQLFixture fixture)
    : PolicyAdminSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;
