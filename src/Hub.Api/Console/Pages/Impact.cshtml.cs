using Hub.Capabilities.Policies;
using Hub.Capabilities.Prefill;
using Hub.Policy.Administration;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>
/// 公開前の影響: which (user, task, field, action) decisions the draft changes, which pre-fill form items lose or gain
/// their value, and the replay of the last days of access records (how many past requests, by whom, it would refuse).
/// </summary>
public sealed class ImpactModel(PolicyAdministration administration, PolicyReplay replay, FormCatalog forms) : ConsolePageModel
{
    /// <summary>The decisions and form items, or null when the draft does not check.</summary>
    public PolicyPreview? Preview { get; private set; }

    /// <summary>The replay, or null when the draft does not check.</summary>
    public PolicyReplayResult? Replay { get; private set; }

    /// <summary>The draft.</summary>
    public int Number { get; private set; }

    /// <summary>How many days were replayed (1–366, default 30).</summary>
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public async Task OnGetAsync(int number, CancellationToken cancellationToken)
    {
        Number = number;
        Days = Math.Clamp(Days, 1, 366);
        try
        {
            Preview = await administration.PreviewAsync(number, forms.PathsByForm(), cancellationToken);
            Replay = await replay.ReplayAsync(number, Days, cancellationToken);
        }
        catch (Exception e) when (ConsoleText.Refusal(e) is { } refusal)
        {
            Problem = refusal;
        }
    }
}
