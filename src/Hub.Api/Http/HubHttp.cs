using System.Text.Json;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Hub.Api.Http;

/// <summary>
/// What the hub's plain HTTP endpoints (exports, attachments) share with GraphQL: a bearer token and
/// <c>X-Hub-Task</c>/<c>X-Hub-Purpose</c> before anything else, and errors as JSON with the hub's codes that name the
/// argument at fault and never quote a value.
/// </summary>
internal static class HubHttp
{
    /// <summary>The request's context, or null once a 401/400/403 has been written (no token, no task or purpose, a subject naming a role).</summary>
    public static async Task<HubRequestContext?> ContextAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var auth = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!auth.Succeeded || auth.Principal is null)
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "A valid bearer token is required (Authorization: Bearer …).").ConfigureAwait(false);
            return null;
        }

        var (context, missing) = RequestContextReader.Read(http.Request.Headers, null, auth.Principal);
        if (context is null)
        {
            await ErrorAsync(http, StatusCodes.Status400BadRequest, "CONTEXT_REQUIRED", $"Missing {string.Join(" and ", missing)}.").ConfigureAwait(false);
            return null;
        }

        if (!context.IsResident && PolicySubjects.IsRoleOrGround(context.UserId))
        {
            // A token whose subject names a policy role would read as the role itself.
            await ErrorAsync(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", "The token's subject names a policy role, not a user.").ConfigureAwait(false);
            return null;
        }

        return context;
    }

    /// <summary>Writes <c>{ errors: [{ message, extensions: { code[, argument] } }] }</c> with <paramref name="status"/>.</summary>
    public static async Task ErrorAsync(HttpContext http, int status, string code, string message, string? argument = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        object extensions = argument is null ? new { code } : new { code, argument };
        await JsonSerializer.SerializeAsync(http.Response.Body, new { errors = new[] { new { message, extensions } } }).ConfigureAwait(false);
    }
}
