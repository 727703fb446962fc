using Hub.Capabilities.PushTargets.Exports;
using System.Globalization;
using Hub.Capabilities.PushTargets;
using Hub.Api.Http;
using Hub.Capabilities.Requests;
using Hub.Policy.Masks;

namespace Hub.Api.Exports;

/// <summary>
/// <c>GET /exports/push-targets/{id}[?format=csv|ndjson][&amp;asOf=yyyy-MM-dd]</c>: a saved list streamed as CSV or
/// NDJSON (also chosen by <c>Accept</c>), bearer token and <c>X-Hub-Task</c>/<c>X-Hub-Purpose</c> required like GraphQL;
/// the task must be the definition's. Errors are JSON with the hub's codes.
/// </summary>
internal static class PushTargetExportEndpoint
{
    public static async Task HandleAsync(HttpContext http, string id, PushTargetCatalog catalog, FieldMaskCache masks, PushTargetExporter exporter, CancellationToken cancellationToken)
    {
        if (await HubHttp.ContextAsync(http).ConfigureAwait(false) is not { } context)
        {
            return;
        }

        if (context.IsResident)
        {
            await Error(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", "Residents cannot extract push-target lists.").ConfigureAwait(false);
            return;
        }

        if (catalog.Find(id) is not { } definition)
        {
            await Error(http, StatusCodes.Status404NotFound, "NOT_FOUND", $"No push-target definition '{id}'.").ConfigureAwait(false);
            return;
        }

        var format = PushTargetExporter.ParseFormat(http.Request.Query["format"], http.Request.Headers.Accept);
        DateOnly? asOf = null;
        var asOfText = http.Request.Query["asOf"].ToString();
        if (asOfText.Length > 0)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                await Error(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "asOf must be yyyy-MM-dd.").ConfigureAwait(false);
                return;
            }

            asOf = parsed;
        }

        if (format is not { } chosen)
        {
            await Error(http, StatusCodes.Status400BadRequest, "BAD_REQUEST", "format must be csv or ndjson.").ConfigureAwait(false);
            return;
        }

        try
        {
            http.Response.ContentType = PushTargetExporter.ContentType(chosen);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{definition.Id}.{(chosen == PushTargetExportFormat.Csv ? "csv" : "ndjson")}\"";
            await exporter.ExportAsync(definition, masks.Get(context.UserId, context.Task), context, http.Response.Body, chosen, asOf, cancellationToken).ConfigureAwait(false);
        }
        catch (Hub.Capabilities.Audit.Checkpoints.AuditUnanchoredException e) when (!http.Response.HasStarted)
        {
            // The access record comes before the first row, so nothing was sent.
            http.Response.Headers.ContentDisposition = default;
            await Error(http, StatusCodes.Status503ServiceUnavailable, "AUDIT_UNANCHORED", e.Message).ConfigureAwait(false);
        }
        catch (PushTargetExportForbiddenException e) when (!http.Response.HasStarted)
        {
            http.Response.Headers.ContentDisposition = default;
            await Error(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", e.Message).ConfigureAwait(false);
        }
    }

    private static Task Error(HttpContext http, int status, string code, string message) => HubHttp.ErrorAsync(http, status, code, message);
}
