using Hub.Capabilities.Requests;
using System.Security.Claims;
using System.Text.Json;
using Hub.Api.Security;

namespace Hub.Api.RequestContext;

/// <summary>
/// Builds the <see cref="HubRequestContext"/> from headers, the request's <c>extensions.hub</c> and the principal.
/// A header wins over the same key in extensions; header values may be percent-encoded UTF-8.
/// </summary>
internal static class RequestContextReader
{
    /// <summary>The context, or the names of what is missing (<c>X-Hub-Task</c>, <c>X-Hub-Purpose</c>).</summary>
    public static (HubRequestContext? Context, IReadOnlyList<string> Missing) Read(
        IHeaderDictionary headers,
        JsonElement? extensions,
        ClaimsPrincipal user)
    {
        var hub = extensions is { ValueKind: JsonValueKind.Object } ext
            && ext.TryGetProperty(HubHeaders.ExtensionsKey, out var h)
            && h.ValueKind == JsonValueKind.Object
                ? h
                : (JsonElement?)null;

        string? Get(string header, string key)
        {
            var value = headers[header].ToString();
            if (!string.IsNullOrWhiteSpace(value))
            {
                // Header values are ASCII on the wire: Japanese text (e.g. a purpose) comes percent-encoded UTF-8.
                return Uri.UnescapeDataString(value.Trim());
            }

            return hub is { } o && o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim()
                : null;
        }

        var task = Get(HubHeaders.Task, "task");
        var purpose = Get(HubHeaders.Purpose, "purpose");
        var missing = new List<string>();
        if (task is null)
        {
            missing.Add(HubHeaders.Task);
        }

        if (purpose is null)
        {
            missing.Add(HubHeaders.Purpose);
        }

        if (missing.Count > 0)
        {
            return (null, missing);
        }

        var context = new HubRequestContext(
            task!,
            purpose!,
            Get(HubHeaders.Case, "case"),
            user.FindFirstValue(HubClaimTypes.Subject) ?? string.Empty,
            [.. user.FindAll(HubClaimTypes.Roles).Select(c => c.Value)],
            user.FindFirstValue(HubClaimTypes.AtenaNumber),
            Get(HubHeaders.Client, "client") ?? user.FindFirstValue(HubClaimTypes.AuthorizedParty))
        {
            Assurance = Hub.Capabilities.Agency.AssuranceLevels.Parse(user.FindFirstValue(Hub.Capabilities.Agency.AssuranceLevels.Claim)),
        };
        return (context, []);
    }
}
