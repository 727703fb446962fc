using System.Diagnostics;

namespace Hub.Api.Benchmarks;

/// <summary>The real hub executable (Release build) serving a database on a loopback port.</summary>
internal sealed class HubServerProcess(Process process) : IAsyncDisposable
{
    /// <summary>Starts the hub; <paramref name="settings"/> are extra settings as environment variables (<c>Section__Key</c>).</summary>
    public static async Task<HubServerProcess> StartAsync(string hubDll, string root, string provider, string connectionString, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(hubDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the development signing key for `hub token`
        info.Environment["Database__Provider"] = provider;
        info.Environment["Database__ConnectionString"] = connectionString;
        info.Environment["Hub__Demo__SeedWhenEmpty"] = "false";
        info.Environment["Hub__Sync__Scheduling__Enabled"] = "false";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var started = Process.Start(info) ?? throw new InvalidOperationException("the hub did not start");
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("hub: " + e.Data); } };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"the hub exited with {started.ExitCode}");
            }

            try
            {
                if ((await probe.GetAsync("/healthz").ConfigureAwait(false)).IsSuccessStatusCode)
                {
                    return new HubServerProcess(started);
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        started.Kill(entireProcessTree: true);
        throw new TimeoutException("the hub did not answer /healthz within 2 minutes");
    }

    /// <summary>CPU time the hub process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>A development token from <c>hub token</c>.</summary>
    public static async Task<string> TokenAsync(string hubDll, string root, string user)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { hubDll, "token", "--user", user, "--roles", "staff", "--minutes", "120" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0
            ? output.Trim().Split('\n')[^1].Trim()
            : throw new InvalidOperationException("hub token failed: " + await process.StandardError.ReadToEndAsync().ConfigureAwait(false));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }
}
