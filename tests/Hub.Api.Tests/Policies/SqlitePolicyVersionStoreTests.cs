using Hub.Data.Providers;

namespace Hub.Api.Tests.Policies;

/// <summary>The policy version store on SQLite (an embedded file per test).</summary>
public sealed class SqlitePolicyVersionStoreTests : PolicyVersionStoreSpecification
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
