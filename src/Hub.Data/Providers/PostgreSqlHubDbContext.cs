using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Providers;

/// <summary>The common database on PostgreSQL (migrations in <c>Migrations/PostgreSql</c>).</summary>
public sealed class PostgreSqlHubDbContext(DbContextOptions<PostgreSqlHubDbContext> options) : HubDbContext(options);
