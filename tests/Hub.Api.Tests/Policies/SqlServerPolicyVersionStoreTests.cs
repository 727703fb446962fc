using Hub.Data.Providers;

namespace Hub.Api.Tests.Policies;

/// <summary>The policy version store on SQL Server (Testcontainers; skipped, saying so, without Docker).</summary>
public sealed class SqlServerPolicyVersionStoreTests : PolicyVersionStoreSpecification
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
