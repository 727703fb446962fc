using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hub.Data.Providers;

// Used by `dotnet ef migrations add … --context <X>HubDbContext`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHubDbContext>
{
    public SqliteHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlHubDbContext>
{
    public PostgreSqlHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlHubDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerHubDbContext>
{
    public SqlServerHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerHubDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=true").Options);
}
