using Hub.Capabilities;
using Hub.Adapters.Catalog;
using Hub.Adapters.Outbound.FileDrop;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Capabilities.Intake.Delivery;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Data;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Registration lives in the DI namespace so that `services.AddHubIntake()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// One-stop intake (申請受付): the rules of <c>schemas/life-events/intake</c>, checked against the life-event rules and the
/// forms when first resolved (the host resolves them before it serves, so a bad file stops startup), submission, leg
/// changes and the resident's and departments' reads. Needs the forms, the policy, the access records and life-event guidance.
/// </summary>
public static class IntakeServiceCollectionExtensions
{
    public static IServiceCollection AddHubIntake(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new IntakeOptions());
        services.AddSingleton(sp =>
        {
            try
            {
                return IntakeRules.Load(sp.GetRequiredService<LifeEventRules>(), sp.GetRequiredService<FormCatalog>());
            }
            catch (LifeEventRulesException e)
            {
                throw new HubConfigurationException(e.Message, e);
            }
        });
        services.AddSingleton<IntakeSubmissionService>();
        services.AddSingleton<IntakeLegService>();
        services.AddSingleton<IntakeQueries>();
        services.TryAddSingleton(new IntakeAttachmentOptions());
        services.AddSingleton(sp => new IntakeAttachmentService(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<IntakeAttachmentOptions>(), sp.GetService<IAttachmentScanner>(),
            sp.GetRequiredService<IAccessRecordWriter>(), sp.GetRequiredService<FieldMaskCache>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new IntakeDeliveryOptions());
        services.TryAddSingleton(new FileDropOptions());
        services.AddSingleton(sp => new DepartmentAdapterRegistration(FileDropDepartmentAdapter.Name, new FileDropDepartmentAdapter(sp.GetRequiredService<FileDropOptions>())));
        services.AddSingleton(sp => new IntakeOutboxDispatcher(
            sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<IntakeRules>(), sp.GetServices<DepartmentAdapterRegistration>(),
            sp.GetService<INoticeSink>(), sp.GetRequiredService<FieldMaskCache>(), sp.GetRequiredService<FieldCatalog>(), sp.GetRequiredService<IAccessRecordWriter>(),
            sp.GetRequiredService<IntakeDeliveryOptions>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
