using Hub.Adapters.Outbound.FileDrop;
using Hub.Capabilities;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Capabilities.Intake.Delivery;

namespace Hub.Api.Intake;

/// <summary>
/// The <c>Hub:Intake</c> settings, for the server and the <c>hub intake</c> commands alike: <c>IdempotencyLease</c>,
/// <c>Delivery</c> (routes, file-drop folder, backoff), <c>Webhook</c> (URL and secret; a URL without a secret of at least
/// 32 characters stops startup).
/// </summary>
internal static class IntakeSettings
{
    public static IServiceCollection AddHubIntakeSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Hub:Intake");
        services.AddSingleton(section.Get<IntakeOptions>() ?? new IntakeOptions());
        services.AddSingleton(section.GetSection("Attachments").Get<IntakeAttachmentOptions>() ?? new IntakeAttachmentOptions());
        services.AddSingleton(section.GetSection("Delivery").Get<IntakeDeliveryOptions>() ?? new IntakeDeliveryOptions());
        services.AddSingleton(section.GetSection("Delivery:FileDrop").Get<FileDropOptions>() ?? new FileDropOptions());
        var webhook = section.GetSection("Webhook").Get<WebhookOptions>() ?? new WebhookOptions();
        if (webhook.Url is not null)
        {
            if (webhook.Secret is not { Length: >= 32 })
            {
                throw new HubConfigurationException("Setting Hub:Intake:Webhook:Secret is required with Hub:Intake:Webhook:Url, at least 32 characters (the HMAC-SHA256 key that signs notices).");
            }

            services.AddSingleton(webhook);
            services.AddHttpClient<INoticeSink, WebhookNoticeSink>();
        }

        return services.AddHubIntake();
    }
}
