using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>What every console page shares: the signed-in officer, and the outcome of the last action.</summary>
public abstract class ConsolePageModel : PageModel
{
    /// <summary>What the last action did.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Why the last action was refused.</summary>
    [TempData]
    public string? Problem { get; set; }

    /// <summary>The signed-in officer's user id.</summary>
    public string Officer => HttpContext.Officer();

    /// <summary>Runs a service call; a refusal becomes <see cref="Problem"/>, success <see cref="Notice"/>; then goes to <paramref name="next"/>.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task> call, string done, string next)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
            Notice = done;
        }
        catch (Exception e) when (ConsoleText.Refusal(e) is { } refusal)
        {
            Problem = refusal;
        }

        return LocalRedirect(next);
    }
}
