using System.Security.Claims;
using Hub.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>
/// サインイン: validates a hub bearer token with the hub's JWT handler (signature, issuer, audience, lifetime) and, for a
/// privacy officer, issues the console cookie carrying only the user id, ending when the token would have expired
/// (at most <see cref="ConsoleExtensions.MaxSession"/>). The token itself is neither stored nor logged.
/// </summary>
public sealed class SignInModel : PageModel
{
    /// <summary>Why sign-in was refused.</summary>
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            Error = "アクセストークンを入力してください。";
            return Page();
        }

        // The hub's own JWT handler decides, on a request of its own (in a scope of its own, so a fresh handler): this
        // request's bearer authentication already ran, without a token.
        await using var scope = HttpContext.RequestServices.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Headers.Authorization = "Bearer " + token.Trim();
        var auth = await probe.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var user = auth.Succeeded ? auth.Principal?.FindFirst(HubClaimTypes.Subject)?.Value : null;
        if (user is null)
        {
            Error = "トークンを確認できませんでした (署名・発行者・有効期限を確認してください)。";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        if (!PrivacyOfficerPageFilter.IsOfficer(HttpContext.RequestServices, user))
        {
            Error = "このコンソールは個人情報保護担当 (role:privacy-officer) のみが利用できます。";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var expires = auth.Properties?.ExpiresUtc ?? (auth.Principal!.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
        var until = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() + ConsoleExtensions.MaxSession;
        var identity = new ClaimsIdentity([new Claim(HubClaimTypes.Subject, user)], ConsoleExtensions.Scheme, HubClaimTypes.Subject, null);
        await HttpContext.SignInAsync(ConsoleExtensions.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            ExpiresUtc = expires is { } e && e < until ? e : until,
            IsPersistent = false,
        });
        return LocalRedirect(ConsoleExtensions.Path);
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(ConsoleExtensions.Scheme);
        return LocalRedirect(ConsoleExtensions.Path + "/signin");
    }
}
