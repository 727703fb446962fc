using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Hub.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server for tests: <c>initdb</c> into a temp folder and <c>pg_ctl start</c> on a
/// free loopback port, using the machine's PostgreSQL binaries; stopped and deleted on dispose. When the
/// environment variable <c>HUB_TEST_POSTGRES</c> holds a connection string, that server is used instead.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    /// <summary>Environment variable naming an existing server to use instead of starting one.</summary>
    public const string ConnectionStringVariable = "HUB_TEST_POSTGRES";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly string? _runAsUser;

    private PostgreSqlServer(string adminConnectionString, string? dataDirectory, string? binDirectory, string? runAsUser)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _runAsUser = runAsUser;
    }

    /// <summary>Connection string of the <c>postgres</c> database with superuser rights.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Starts a server, or attaches to <c>HUB_TEST_POSTGRES</c>. Throws <see cref="PostgreSqlUnavailableException"/> with the reason when neither works.</summary>
    public static async Task<PostgreSqlServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgreSqlServer(given, null, null, null);
        }

        var bin = FindBinDirectory() ?? throw new PostgreSqlUnavailableException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH; install the Debian package 'postgresql' or set HUB_TEST_POSTGRES.");
        var runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
        var dir = Path.Combine(Path.GetTempPath(), "hub-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        if (runAs is not null)
        {
            await RunAsync("chown", [runAs, dir], null).ConfigureAwait(false);
        }

        var data = Path.Combine(dir, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], runAs).ConfigureAwait(false);
        var port = FreePort();
        var options = string.Join(' ',
            $"-p {port}", $"-k {dir}", "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off",
            "-c full_page_writes=off", "-c max_connections=200", "-c shared_buffers=256MB");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"], runAs).ConfigureAwait(false);
        var cs = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50";
        return new PostgreSqlServer(cs, dir, bin, runAs);
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "hub")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)].ToLowerInvariant();
        await using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            await conn.OpenAsync().ConfigureAwait(false);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null || _binDirectory is null)
        {
            return;
        }

        try
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", Path.Combine(_dataDirectory, "data"), "-m", "immediate", "-w", "stop"], _runAsUser).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var best = Directory.GetDirectories(root)
                .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.dir, "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => x.dir)
                .FirstOrDefault();
            if (best is not null)
            {
                return best;
            }
        }

        foreach (var p in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")))
            {
                return p;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, string? runAs)
    {
        var psi = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser", ["-u", runAs, "--", file]);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(psi) ?? throw new PostgreSqlUnavailableException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new PostgreSqlUnavailableException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc")]
#pragma warning disable SYSLIB1054, CA5392 // a one-off libc call in test infrastructure
    private static extern uint geteuid();
#pragma warning restore SYSLIB1054, CA5392
}
