using Hub.Capabilities.Audit.Checkpoints;
using Hub.Api.Hosting;
using Hub.Capabilities;

namespace Hub.Api.CommandLine;

/// <summary>What the <c>hub audit</c> commands read besides the database: verifier keys and checkpoint files.</summary>
internal static class AuditCheckpoints
{
    /// <summary>
    /// The verifier key: <paramref name="given"/> (a verifier key line, or a file holding one) when there is one, else the
    /// public half of the configured signing key.
    /// </summary>
    /// <exception cref="HubConfigurationException">Neither is usable; the message says which option or setting.</exception>
    public static CheckpointVerifierKey Key(string? given, IServiceProvider? services)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var text = File.Exists(given) ? File.ReadLines(given).FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty : given;
            try
            {
                return CheckpointVerifierKey.Parse(text);
            }
            catch (CheckpointFormatException e)
            {
                throw new HubConfigurationException($"--key: {e.Message}", e);
            }
        }

        if (services is null)
        {
            throw new HubConfigurationException("--key is required: the verifier key the city publishes (hub audit checkpoint --verifier-key prints it)");
        }

        return Signer(services).Verifier;
    }

    /// <summary>The configured signer (settings under <c>Hub:Audit:Checkpoints</c>).</summary>
    public static CheckpointSigner Signer(IServiceProvider services)
    {
        var (options, environment) = Options(services);
        return CheckpointSigningKey.Load(options, environment.IsDevelopment());
    }

    /// <summary>The configured checkpoint options, validated.</summary>
    public static (CheckpointOptions Options, IHostEnvironment Environment) Options(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var options = CheckpointSetup.ReadOptions(services.GetRequiredService<IConfiguration>(), environment);
        if (!options.Enabled)
        {
            throw new HubConfigurationException($"Setting {CheckpointOptions.SectionName}:Enabled is false: there are no checkpoints.");
        }

        return (options, environment);
    }

    /// <summary>The checkpoints at <paramref name="path"/>: one file, or every checkpoint file of a witness folder (and its <c>latest</c>).</summary>
    public static IReadOnlyList<(string File, string Text)> Read(string path)
    {
        if (Directory.Exists(path))
        {
            return [.. Directory.EnumerateFiles(path)
                .Where(f => Path.GetFileName(f) == DirectoryCheckpointWitness.LatestFile || (Path.GetFileName(f).StartsWith("checkpoint-", StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal)
                .Select(f => (f, File.ReadAllText(f)))];
        }

        if (!File.Exists(path))
        {
            throw new HubConfigurationException($"--checkpoint: no file or folder {path}");
        }

        return [(path, File.ReadAllText(path))];
    }
}
