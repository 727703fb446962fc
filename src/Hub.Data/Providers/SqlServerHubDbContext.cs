using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Providers;

/// <summary>The common database on SQL Server (migrations in <c>Migrations/SqlServer</c>).</summary>
public sealed class SqlServerHubDbContext(DbContextOptions<SqlServerHubDbContext> options) : HubDbContext(options);
