using System.Data.Common;
using System.Text.RegularExpressions;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.ChildAllowance;

/// <summary>Options of the 児童手当 database-view adapter.</summary>
public sealed partial class ChildAllowanceViewOptions : AdapterOptions
{
    /// <summary>
    /// The ADO.NET provider by name: <c>sqlserver</c> (Microsoft.Data.SqlClient), <c>postgresql</c> (Npgsql) or
    /// <c>sqlite</c> (Microsoft.Data.Sqlite). Ignored when <see cref="ProviderFactory"/> is set. Default <c>sqlserver</c>.
    /// </summary>
    public string Provider { get; set; } = "sqlserver";

    /// <summary>Any other ADO.NET provider's factory.</summary>
    public DbProviderFactory? ProviderFactory { get; set; }

    /// <summary>Connection string of the child-allowance system's database. Required.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The view (optionally schema-qualified). Default <c>v_child_allowance_entitlements</c>; its columns are those of <c>schemas/adapters/child-allowance.md</c>.</summary>
    public string View { get; set; } = "v_child_allowance_entitlements";

    /// <summary>Whether 宛名番号 must carry a check digit. Default true.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <summary>Command timeout. Default 120 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The factory to use.</summary>
    public DbProviderFactory ResolveFactory() => ProviderFactory ?? Provider.ToUpperInvariant() switch
    {
        "SQLSERVER" => Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        "POSTGRESQL" => Npgsql.NpgsqlFactory.Instance,
        "SQLITE" => Microsoft.Data.Sqlite.SqliteFactory.Instance,
        _ => throw new AdapterOptionsException("child-allowance", [$"Provider '{Provider}' is not one of sqlserver, postgresql, sqlite."]),
    };

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (ProviderFactory is null && Provider.ToUpperInvariant() is not ("SQLSERVER" or "POSTGRESQL" or "SQLITE"))
        {
            problems.Add("Provider must be sqlserver, postgresql or sqlite (or set ProviderFactory).");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString is required.");
        }

        if (!ViewName().IsMatch(View ?? string.Empty))
        {
            problems.Add("View must be an identifier, optionally schema-qualified (letters, digits, '_').");
        }

        if (CommandTimeout <= TimeSpan.Zero)
        {
            problems.Add("CommandTimeout must be positive.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?$")]
    private static partial Regex ViewName();
}
