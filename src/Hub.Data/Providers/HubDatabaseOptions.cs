namespace Hub.Data.Providers;

/// <summary>
/// Configuration section <c>Database</c>: which engine and where. Environment variables
/// <c>Database__Provider</c> and <c>Database__ConnectionString</c> override it.
/// </summary>
public sealed class HubDatabaseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Database";

    /// <summary>Default connection string of the embedded provider.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/hub.db";

    /// <summary><c>Sqlite</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>. Case-insensitive.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>ADO.NET connection string. Default for SQLite: <c>Data Source=data/hub.db</c>; required for the others.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Parsed provider; throws <see cref="HubDatabaseConfigurationException"/> naming the setting when unknown.</summary>
    /// <remarks>Also accepted: <c>Postgres</c>, <c>PostgreSQL</c>, <c>Npgsql</c>, <c>MsSql</c>.</remarks>
    public DatabaseProvider ParsedProvider => (Provider ?? string.Empty).Trim().ToUpperInvariant() switch
    {
        "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        "SQLSERVER" or "MSSQL" => DatabaseProvider.SqlServer,
        _ => throw new HubDatabaseConfigurationException(
            $"Setting {SectionName}:Provider has the unknown value '{Provider}'. Use one of: Sqlite, PostgreSql, SqlServer."),
    };

    /// <summary>The connection string to use, with the provider's default applied.</summary>
    public string EffectiveConnectionString => ParsedProvider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? DefaultSqliteConnectionString : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new HubDatabaseConfigurationException($"Setting {SectionName}:ConnectionString is required for provider {ParsedProvider}.")
            : ConnectionString,
    };

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        try
        {
            _ = EffectiveConnectionString;
        }
        catch (HubDatabaseConfigurationException e)
        {
            problems.Add(e.Message);
        }

        return problems;
    }
}
