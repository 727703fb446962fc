using Hub.Api.Intake;
using Hub.Capabilities.Intake;

namespace Hub.Api.Extensions;

/// <summary>
/// One-stop intake (申請受付): the capability's services with <c>Hub:Intake</c> settings (delivery routes, the file-drop
/// folder, the notice webhook), the outbox run while the server runs (<c>Hub:Intake:Delivery:Enabled</c>, default true),
/// its rules checked before the host serves, and 添付書類 over HTTP (<see cref="AttachmentEndpoints"/>).
/// </summary>
internal static class IntakeExtensions
{
    public static WebApplicationBuilder AddHubIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddHubIntakeSettings(builder.Configuration);
        if (builder.Configuration.GetValue("Hub:Intake:Delivery:Enabled", true))
        {
            builder.Services.AddHostedService<IntakeDeliveryService>();
        }

        return builder;
    }

    public static WebApplication MapHubIntake(this WebApplication app)
    {
        // Checked now, so a bad intake rule file stops the host before it serves.
        _ = app.Services.GetRequiredService<IntakeRules>();
        app.MapPost(AttachmentEndpoints.UploadRoute, AttachmentEndpoints.UploadAsync);
        app.MapGet(AttachmentEndpoints.DownloadRoute, AttachmentEndpoints.DownloadAsync);
        return app;
    }
}
