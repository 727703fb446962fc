using System.Globalization;
using System.Text;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Merkle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Audit.Checkpoints;

/// <summary>
/// A witness outside the hub speaking C2SP tlog-witness's <c>add-checkpoint</c>, on a loopback port: it trusts one log
/// key, keeps the latest checkpoint per origin, and answers 403 (bad signature), 409 with <c>text/x.tlog.size</c> (old
/// size not its own, or same size with another root), 422 (consistency proof fails) or 200 with a cosignature line.
/// </summary>
internal sealed class TlogWitnessServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly CheckpointVerifierKey _trusted;
    private (long Size, byte[] Root)? _latest;

    private TlogWitnessServer(CheckpointVerifierKey trusted)
    {
        _trusted = trusted;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/witness/add-checkpoint", HandleAsync);
    }

    /// <summary>Requests refused with 422 (consistency proofs that did not verify).</summary>
    public int Unprocessable { get; private set; }

    /// <summary>The submission prefix, e.g. <c>http://127.0.0.1:41234/witness</c>.</summary>
    public Uri Prefix { get; private set; } = null!;

    /// <summary>The size of the checkpoint it holds.</summary>
    public long Size
    {
        get
        {
            lock (_gate)
            {
                return _latest?.Size ?? 0;
            }
        }
    }

    public static async Task<TlogWitnessServer> StartAsync(CheckpointVerifierKey trusted)
    {
        var server = new TlogWitnessServer(trusted);
        await server._app.StartAsync(TestContext.Current.CancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Prefix = new Uri(address + "/witness");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync();
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        var head = body[..blank].Split('\n');
        var old = long.Parse(head[0]["old ".Length..], CultureInfo.InvariantCulture);
        var proof = head.Skip(1).Select(Convert.FromBase64String).ToList();
        var checkpoint = CheckpointNote.Parse(body[(blank + 2)..]);
        if (!_trusted.Verify(checkpoint))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        lock (_gate)
        {
            var (size, root) = _latest ?? (0, MerkleHash.Empty());
            if (old != size || (old == checkpoint.TreeSize && !root.AsSpan().SequenceEqual(checkpoint.RootHash)))
            {
                http.Response.StatusCode = StatusCodes.Status409Conflict;
                http.Response.ContentType = "text/x.tlog.size";
                _ = http.Response.WriteAsync(size.ToString(CultureInfo.InvariantCulture) + "\n");
                return;
            }

            if (old > checkpoint.TreeSize || (old > 0 && !MerkleVerifier.VerifyConsistency(old, checkpoint.TreeSize, root, checkpoint.RootHash, proof)))
            {
                Unprocessable++;
                http.Response.StatusCode = old > checkpoint.TreeSize ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
                return;
            }

            _latest = (checkpoint.TreeSize, checkpoint.RootHash);
        }

        await http.Response.WriteAsync("\u2014 witness.test/w1 AAAAAAAAAAAA\n");
    }
}
