using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Proofs;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

// Registration lives in the DI namespace so that `services.AddHubAccessLog(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Access records (アクセス記録): the chain writer every response with personal data goes through, the queries over it, and
/// (section <c>Hub:Audit:Checkpoints</c>, see <see cref="CheckpointOptions"/>) the Merkle tree, the signed checkpoints
/// written to a witness outside the database and the anchoring check in front of the writer. The host adds the anchoring
/// health check to its own endpoint.
/// </summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the access log of a serving node and returns its checkpoint settings; throws
    /// <see cref="Hub.Capabilities.HubConfigurationException"/> listing every problem with the settings.
    /// </summary>
    public static CheckpointOptions AddHubAccessLog(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var options = CheckpointSetup.ReadOptions(configuration, environment);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton(sp => new DatabaseAccessRecordWriter(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>(), options.Enabled));
        services.TryAddSingleton<AccessRecordQueries>();
        services.TryAddSingleton<AccessRecordTreeBackfill>();
        services.TryAddSingleton(sp => new AccessRecordProofs(sp.GetRequiredService<IDbContextFactory<HubDbContext>>()));
        if (!options.Enabled)
        {
            services.TryAddSingleton<IAccessRecordWriter>(sp => sp.GetRequiredService<DatabaseAccessRecordWriter>());
            return options;
        }

        var signer = CheckpointSigningKey.Load(options, environment.IsDevelopment());
        services.AddSingleton(signer);
        services.AddSingleton(sp => CheckpointSetup.Witness(options, signer.Verifier, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditAnchor(sp.GetRequiredService<TimeProvider>(), options.MaxLag));
        services.AddSingleton<CheckpointPublisher>();
        services.TryAddSingleton<IAccessRecordWriter>(sp => new AnchoredAccessRecordWriter(sp.GetRequiredService<DatabaseAccessRecordWriter>(), sp.GetRequiredService<AuditAnchor>()));
        services.AddHostedService<CheckpointHostedService>();
        return options;
    }

    /// <summary>
    /// The writer (extending the Merkle tree) and queries alone, for commands that write access records (e.g.
    /// <c>hub push export</c>): their records join the tree and are anchored by the server's next checkpoint.
    /// </summary>
    public static IServiceCollection AddHubAccessRecords(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DatabaseAccessRecordWriter(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAccessRecordWriter>(sp => sp.GetRequiredService<DatabaseAccessRecordWriter>());
        services.TryAddSingleton<AccessRecordQueries>();
        return services;
    }
}
