using Hub.Policy.Administration;
using Hub.Policy.Invariants;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>不変条件: the city's standing rules, and for a chosen version the violations with a counterexample each.</summary>
public sealed class InvariantsModel(PolicyAdministration administration, IPolicyVersionStore store) : ConsolePageModel
{
    /// <summary>The version checked (default: the newest).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    /// <summary>The invariants.</summary>
    public IReadOnlyList<PolicyInvariant> Invariants => administration.Invariants.Invariants;

    /// <summary>The violations of <see cref="Version"/>.</summary>
    public IReadOnlyList<InvariantViolation> Violations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Version ??= (await store.ListAsync(cancellationToken)).LastOrDefault()?.Number;
        if (Version is not { } number)
        {
            return;
        }

        try
        {
            Violations = await administration.CheckInvariantsAsync(number, cancellationToken);
        }
        catch (Exception e) when (ConsoleText.Refusal(e) is { } refusal)
        {
            Problem = refusal;
        }
    }
}
