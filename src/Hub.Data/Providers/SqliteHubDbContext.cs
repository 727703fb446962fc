using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Providers;

/// <summary>The common database on SQLite (migrations in <c>Migrations/Sqlite</c>).</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options);
