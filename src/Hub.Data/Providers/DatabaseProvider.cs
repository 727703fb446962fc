namespace Hub.Data.Providers;

/// <summary>The database engines the common database runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded file (the default): <c>data/hub.db</c>.</summary>
    Sqlite,

    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql,

    /// <summary>SQL Server through Microsoft.Data.SqlClient.</summary>
    SqlServer,
}
