using Hub.Data.Providers;

namespace Hub.Api.Tests.Policies;

/// <summary>The policy version store on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlPolicyVersionStoreTests : PolicyVersionStoreSpecification
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
