using Hub.Api.Tests.GraphQL;

namespace Hub.Api.Tests.Prefill;

/// <summary>Pre-fill on SQLite.</summary>
public sealed class SqlitePrefillTests(SqliteHubGraphQLFixture fixture)
    : PrefillSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;
