using Hub.Adapters.Outbound.FileDrop;
using Hub.Api.Intake;
using Hub.Capabilities;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Delivery;

namespace Hub.Api.Extensions;

/// <summary>
/// One-stop intake (申請受付): the capability's services with <c>Hub:Intake</c> settings (delivery routes, the file-drop
/// folder, the notice webhook), the outbox run while the server runs (<c>Hub:Intake:Delivery:Enabled</c>, default true),
/// and its rules checked before the host serves.
/// </summary>
internal static class IntakeExtensions
{
    public static WebApplicationBuilder AddHubIntake(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Hub:Intake");
        builder.Services.AddSingleton(section.GetSection("Delivery").Get<IntakeDeliveryOptions>() ?? new IntakeDeliveryOptions());
        builder.Services.AddSingleton(section.GetSection("Delivery:FileDrop").Get<FileDropOptions>() ?? new FileDropOptions());
        var webhook = section.GetSection("Webhook").Get<WebhookOptions>() ?? new WebhookOptions();
        if (webhook.Url is not null)
        {
            if (webhook.Secret is not { Length: >= 32 })
            {
                throw new HubConfigurationException("Setting Hub:Intake:Webhook:Secret is required with Hub:Intake:Webhook:Url, at least 32 characters (the HMAC-SHA256 key that signs notices).");
            }

            builder.Services.AddSingleton(webhook);
            builder.Services.AddHttpClient<INoticeSink, WebhookNoticeSink>();
        }

        builder.Services.AddHubIntake();
        if (section.GetValue("Delivery:Enabled", true))
        {
            builder.Services.AddHostedService<IntakeDeliveryService>();
        }

        return builder;
    }

    public static WebApplication MapHubIntake(this WebApplication app)
    {
        // Checked now, so a bad intake rule file stops the host before it serves.
        _ = app.Services.GetRequiredService<IntakeRules>();
        return app;
    }
}
