using Hub.Capabilities;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Proofs;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Extensions;

/// <summary>
/// Access records (アクセス記録): the chain writer every response with personal data goes through, the queries over it,
/// and (section <c>Hub:Audit:Checkpoints</c>, see <see cref="CheckpointOptions"/>) the Merkle tree, the signed
/// checkpoints written to a witness outside the database, and the anchoring check in front of the writer and in
/// <c>/healthz</c>.
/// </summary>
internal static class AuditExtensions
{
    /// <summary>Registers the audit services for the server; throws <see cref="HubConfigurationException"/> listing every problem with the settings.</summary>
    public static WebApplicationBuilder AddHubAudit(this WebApplicationBuilder builder)
    {
        var options = CheckpointSetup.ReadOptions(builder.Configuration, builder.Environment);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.TryAddSingleton(sp => new DatabaseAccessRecordWriter(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>(), options.Enabled));
        services.TryAddSingleton<AccessRecordQueries>();
        services.TryAddSingleton<AccessRecordTreeBackfill>();
        services.TryAddSingleton(sp => new AccessRecordProofs(sp.GetRequiredService<IDbContextFactory<HubDbContext>>()));
        if (!options.Enabled)
        {
            services.TryAddSingleton<IAccessRecordWriter>(sp => sp.GetRequiredService<DatabaseAccessRecordWriter>());
            return builder;
        }

        var signer = CheckpointSigningKey.Load(options, builder.Environment.IsDevelopment());
        services.AddSingleton(signer);
        services.AddSingleton(sp => CheckpointSetup.Witness(options, signer.Verifier, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new AuditAnchor(sp.GetRequiredService<TimeProvider>(), options.MaxLag));
        services.AddSingleton<CheckpointPublisher>();
        services.TryAddSingleton<IAccessRecordWriter>(sp => new AnchoredAccessRecordWriter(sp.GetRequiredService<DatabaseAccessRecordWriter>(), sp.GetRequiredService<AuditAnchor>()));
        services.AddHostedService<CheckpointHostedService>();
        services.AddHealthChecks().AddCheck<AuditAnchorHealthCheck>("audit-anchoring");
        return builder;
    }

    /// <summary>
    /// The writer (extending the Merkle tree) and queries alone, for commands that write access records (e.g.
    /// <c>hub push export</c>): their records join the tree and are anchored by the server's next checkpoint.
    /// </summary>
    public static IServiceCollection AddHubAudit(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DatabaseAccessRecordWriter(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IAccessRecordWriter>(sp => sp.GetRequiredService<DatabaseAccessRecordWriter>());
        services.TryAddSingleton<AccessRecordQueries>();
        return services;
    }
}
