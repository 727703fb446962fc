using Hub.Api.Security;
using Hub.Capabilities.Audit;
using Hub.Policy.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Hub.Api.PrivacyConsole;

/// <summary>
/// Lets a console page run only for a signed-in privacy officer: the console cookie must carry a user id that holds
/// <see cref="AuditTask.Role"/> in <see cref="AuditTask.Code"/> under the policy this node enforces now (a role revoked
/// by a publication ends console access at once). Others are sent to sign-in (no cookie) or refused with 403.
/// </summary>
internal sealed class PrivacyOfficerPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is Pages.SignInModel)
        {
            await next();
            return;
        }

        var http = context.HttpContext;
        var auth = await http.AuthenticateAsync(ConsoleExtensions.Scheme);
        var user = auth.Succeeded ? auth.Principal?.FindFirst(HubClaimTypes.Subject)?.Value : null;
        if (user is null)
        {
            context.Result = new RedirectResult(ConsoleExtensions.Path + "/signin");
            return;
        }

        if (!IsOfficer(http.RequestServices, user))
        {
            context.Result = new ContentResult { StatusCode = StatusCodes.Status403Forbidden, ContentType = "text/plain; charset=utf-8", Content = "個人情報保護担当 (role:privacy-officer, privacy-audit) の役割がありません。" };
            return;
        }

        http.Items[typeof(PrivacyOfficerPageFilter)] = user;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        await next();
    }

    /// <summary>Whether <paramref name="user"/> holds the privacy officer role in the audit task under the version in force.</summary>
    public static bool IsOfficer(IServiceProvider services, string user) =>
        !Hub.Capabilities.Requests.PolicySubjects.IsRoleOrGround(user)
        && services.GetRequiredService<PolicyVersionWatcher>().CurrentEnforcer is { } enforcer
        && enforcer.GetImplicitRolesForUser(user, AuditTask.Code).Contains(AuditTask.Role, StringComparer.Ordinal);
}
