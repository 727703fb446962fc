using Hub.Data.Providers;

namespace Hub.Api.Tests.Audit;

/// <summary>The stored Merkle tree on SQLite.</summary>
public sealed class SqliteAccessRecordTreeTests() : AccessRecordTreeSpecification(DatabaseProvider.Sqlite);

/// <summary>The stored Merkle tree on a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlAccessRecordTreeTests() : AccessRecordTreeSpecification(DatabaseProvider.PostgreSql);

/// <summary>Tampering detected against an earlier checkpoint, on SQLite.</summary>
public sealed class SqliteAccessLogTamperingTests() : AccessLogTamperingSpecification(DatabaseProvider.Sqlite);

/// <summary>Tampering detected against an earlier checkpoint, on a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlAccessLogTamperingTests() : AccessLogTamperingSpecification(DatabaseProvider.PostgreSql);

/// <summary>Anchoring and GraphQL proofs over HTTP, on SQLite.</summary>
public sealed class SqliteAccessLogAnchoringTests() : AccessLogAnchoringSpecification(DatabaseProvider.Sqlite);

/// <summary>Anchoring and GraphQL proofs over HTTP, on a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlAccessLogAnchoringTests() : AccessLogAnchoringSpecification(DatabaseProvider.PostgreSql);
