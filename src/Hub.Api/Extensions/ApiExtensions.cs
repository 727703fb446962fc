using Hub.Api.PrivacyConsole;

namespace Hub.Api.Extensions;

/// <summary>The HTTP surface: health, GraphQL, authentication. Each piece registers itself here.</summary>
internal static class ApiExtensions
{
    public static WebApplicationBuilder AddHubApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        builder.AddHubAuthentication();
        builder.Services.AddHubGraphQL();
        builder.AddHubAudit();
        builder.Services.AddHubPolicy(builder.Configuration);
        builder.Services.AddHubPushTargets();
        builder.AddHubConsole();
        builder.AddHubIntake();
        return builder;
    }

    public static WebApplication MapHubEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapHubGraphQL();
        app.MapHubPushTargetExports();
        app.MapHubConsole();
        app.MapHubIntake();
        return app;
    }
}
