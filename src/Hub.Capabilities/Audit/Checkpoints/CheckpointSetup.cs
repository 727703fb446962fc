using Hub.Capabilities;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>Reads <c>Hub:Audit:Checkpoints</c> and builds what it names: the signer and the witness. Shared by the server and the <c>hub audit</c> commands.</summary>
public static class CheckpointSetup
{
    /// <summary>The section, bound and validated for <paramref name="environment"/>.</summary>
    /// <exception cref="HubConfigurationException">Every problem, in one message naming each setting.</exception>
    public static CheckpointOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = new CheckpointOptions();
        try
        {
            configuration.GetSection(CheckpointOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new HubConfigurationException($"Settings under {CheckpointOptions.SectionName} do not bind: {e.GetBaseException().Message}", e);
        }

        var problems = options.Validate(environment.IsDevelopment(), environment.EnvironmentName);
        if (problems.Count > 0)
        {
            throw new HubConfigurationException(string.Join(Environment.NewLine, problems));
        }

        return options;
    }

    /// <summary>The witness <paramref name="options"/> name (in Development without one, <see cref="CheckpointOptions.DevelopmentWitnessDirectory"/>).</summary>
    public static ICheckpointWitness Witness(CheckpointOptions options, CheckpointVerifierKey key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WitnessUrl is { } url)
        {
            var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) };
            return new HttpCheckpointWitness(http, url);
        }

        return new DirectoryCheckpointWitness(string.IsNullOrWhiteSpace(options.WitnessDirectory) ? CheckpointOptions.DevelopmentWitnessDirectory : options.WitnessDirectory, key, time);
    }
}
