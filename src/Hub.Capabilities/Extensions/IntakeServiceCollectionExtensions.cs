using Hub.Capabilities;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
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
        return services;
    }
}
