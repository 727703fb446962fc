using Hub.Data.Providers;

namespace Hub.Data.Tests.Specification;

/// <summary>The common database on SQLite: always runs.</summary>
public sealed class SqliteCommonDatabaseTests() : CommonDatabaseSpecification(DatabaseProvider.Sqlite);

/// <summary>The common database on PostgreSQL: a throwaway server the tests start themselves.</summary>
public sealed class PostgreSqlCommonDatabaseTests() : CommonDatabaseSpecification(DatabaseProvider.PostgreSql);

/// <summary>The common database on SQL Server: Testcontainers.MsSql where Docker is there, skipped (saying why) where not.</summary>
public sealed class SqlServerCommonDatabaseTests() : CommonDatabaseSpecification(DatabaseProvider.SqlServer);
