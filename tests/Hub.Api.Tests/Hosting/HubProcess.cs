using System.Diagnostics;
using System.Text;

namespace Hub.Api.Tests.Hosting;

/// <summary>The built <c>hub</c> executable run as a real process, in a working folder of its own.</summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private bool _disposed;

    private HubProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet hub.dll args…</c> in <paramref name="workingDirectory"/>.</summary>
    public static HubProcess Start(string workingDirectory, string environment, params string[] args) =>
        Start(workingDirectory, environment, new Dictionary<string, string>(), args);

    /// <summary>Starts <c>dotnet hub.dll args…</c> in <paramref name="workingDirectory"/> with <paramref name="variables"/> set in its environment.</summary>
    public static HubProcess Start(string workingDirectory, string environment, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var hubDll = Path.Combine(AppContext.BaseDirectory, "hub.dll");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(hubDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        psi.Environment["DOTNET_ENVIRONMENT"] = environment;
        foreach (var (name, value) in variables)
        {
            psi.Environment[name] = value;
        }

        return new HubProcess(Process.Start(psi)!);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until standard error holds a line matching <paramref name="predicate"/>, or the process exits.</summary>
    public async Task WaitForErrorLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited && !StandardError.Split('\n').Any(predicate))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until standard output holds a line matching <paramref name="predicate"/>, or the process exits.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var line = StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(predicate);
            if (line is not null || _process.HasExited)
            {
                return line;
            }

            await Task.Delay(200);
        }

        return null;
    }

    /// <summary>SIGKILL to the process tree, as a crash or an operator's kill -9 would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            sb.AppendLine(line);
        }
    }
}
