using Hub.Capabilities.Intake;

namespace Hub.Api.Extensions;

/// <summary>One-stop intake (申請受付): the capability's services, its rules checked before the host serves.</summary>
internal static class IntakeExtensions
{
    public static WebApplicationBuilder AddHubIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddHubIntake();
        return builder;
    }

    public static WebApplication MapHubIntake(this WebApplication app)
    {
        // Checked now, so a bad intake rule file stops the host before it serves.
        _ = app.Services.GetRequiredService<IntakeRules>();
        return app;
    }
}
