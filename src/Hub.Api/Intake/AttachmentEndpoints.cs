using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Api.Http;
using Hub.Capabilities.Agency;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Capabilities.Requests;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Hub.Api.Intake;

/// <summary>
/// 添付書類 over HTTP, calling <see cref="IntakeAttachmentService"/>; bearer token and <c>X-Hub-Task</c>/<c>X-Hub-Purpose</c>
/// as for GraphQL. <c>POST /intake/applications/{applicationId}/attachments[?legId=…]</c> takes the file as the raw body
/// (its <c>Content-Type</c>, the name in <c>Content-Disposition: attachment; filename*=UTF-8''…</c>) or as the first file
/// of a <c>multipart/form-data</c> body, and answers 201 with its metadata. <c>GET /intake/attachments/{attachmentId}</c>
/// returns the content, checked against its SHA-256, after the read is recorded. Over the size limit: 413 naming the limit,
/// before more than the limit is read; a type not allowed: 415 naming the allowed types.
/// </summary>
internal static class AttachmentEndpoints
{
    public const string UploadRoute = "/intake/applications/{applicationId}/attachments";

    public const string DownloadRoute = "/intake/attachments/{attachmentId}";

    // Room for a multipart body's boundaries and part headers beyond the file itself.
    private const long EnvelopeBytes = 64 * 1024;

    public static async Task UploadAsync(HttpContext http, string applicationId, IntakeAttachmentService attachments, FieldMaskCache masks, FieldCatalog catalog, CancellationToken ct)
    {
        if (await ActorAsync(http, masks, catalog).ConfigureAwait(false) is not var (_, actor))
        {
            return;
        }

        if (!Guid.TryParse(applicationId, out var caseId))
        {
            await HubHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_USER_INPUT", "applicationId is not an application id (a UUID this service gave out).", "applicationId").ConfigureAwait(false);
            return;
        }

        Guid? legId = null;
        var legText = http.Request.Query["legId"].ToString();
        if (legText.Length > 0)
        {
            if (!Guid.TryParse(legText, out var parsed))
            {
                await HubHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_USER_INPUT", "legId is not a leg id (a UUID this service gave out).", "legId").ConfigureAwait(false);
                return;
            }

            legId = parsed;
        }

        var max = attachments.Options.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = max + EnvelopeBytes;
        }

        if (http.Request.ContentLength > max + EnvelopeBytes)
        {
            await TooLargeAsync(http, max).ConfigureAwait(false);
            return;
        }

        var upload = await AttachmentUpload.ReadAsync(http.Request, max, ct).ConfigureAwait(false);
        if (upload.Error is { } error)
        {
            if (error == AttachmentUpload.TooLarge)
            {
                await TooLargeAsync(http, max).ConfigureAwait(false);
            }
            else
            {
                await HubHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_USER_INPUT", error, "content").ConfigureAwait(false);
            }

            return;
        }

        try
        {
            var added = await attachments.AddAsync(caseId, legId, upload.FileName ?? string.Empty, upload.ContentType ?? string.Empty, upload.Content!, actor, ct).ConfigureAwait(false);
            http.Response.StatusCode = StatusCodes.Status201Created;
            http.Response.Headers.Location = $"/intake/attachments/{added.Id}";
            await http.Response.WriteAsJsonAsync(View(added), ct).ConfigureAwait(false);
        }
        catch (IntakeException e)
        {
            await IntakeErrorAsync(http, e).ConfigureAwait(false);
        }
    }

    public static async Task DownloadAsync(HttpContext http, string attachmentId, IntakeAttachmentService attachments, FieldMaskCache masks, FieldCatalog catalog, CancellationToken ct)
    {
        if (await ActorAsync(http, masks, catalog).ConfigureAwait(false) is not var (context, actor))
        {
            return;
        }

        if (context.IsResident && context.Assurance == AssuranceLevel.None)
        {
            await HubHttp.ErrorAsync(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", "Forbidden: an attachment is personal data; sign in with an ID and password or with the My Number card.").ConfigureAwait(false);
            return;
        }

        if (!Guid.TryParse(attachmentId, out var id))
        {
            await HubHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_USER_INPUT", "attachmentId is not an attachment id (a UUID this service gave out).", "attachmentId").ConfigureAwait(false);
            return;
        }

        try
        {
            var (attachment, content) = await attachments.ReadAsync(id, actor, context, ct).ConfigureAwait(false);
            http.Response.ContentType = attachment.ContentType;
            http.Response.ContentLength = content.LongLength;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(attachment.FileName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.ETag = $"\"{attachment.Sha256}\"";
            http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(attachment.Sha256))}:";
            await http.Response.Body.WriteAsync(content, ct).ConfigureAwait(false);
        }
        catch (IntakeException e)
        {
            await IntakeErrorAsync(http, e).ConfigureAwait(false);
        }
        catch (AuditUnanchoredException e)
        {
            await HubHttp.ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "AUDIT_UNANCHORED", e.Message).ConfigureAwait(false);
        }
    }

    // The request's context and who it acts as; null once an error has been written.
    private static async Task<(HubRequestContext Context, IntakeActor Actor)?> ActorAsync(HttpContext http, FieldMaskCache masks, FieldCatalog catalog)
    {
        if (await HubHttp.ContextAsync(http).ConfigureAwait(false) is not { } context)
        {
            return null;
        }

        var gate = FieldGate.ForStaff(context.IsResident || masks.Version is null ? null : masks.Get(context.UserId, context.Task), catalog, false);
        if (IntakeActors.For(context, gate) is not { } actor)
        {
            await HubHttp.ErrorAsync(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", "Forbidden: attachments are for the applicant and for staff working in the leg's task; this user has no role in the request's task.").ConfigureAwait(false);
            return null;
        }

        return (context, actor);
    }

    private static Task TooLargeAsync(HttpContext http, long max) =>
        HubHttp.ErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "LIMIT_EXCEEDED", $"The file is larger than the limit: at most {max} bytes (setting Hub:Intake:Attachments:MaxBytes).", "content");

    private static Task IntakeErrorAsync(HttpContext http, IntakeException e) => e.Code switch
    {
        IntakeErrorCode.LimitExceeded when e.Field == "contentType" => HubHttp.ErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, "LIMIT_EXCEEDED", $"{e.Field} {e.Message}", e.Field),
        IntakeErrorCode.LimitExceeded => HubHttp.ErrorAsync(http, StatusCodes.Status413PayloadTooLarge, "LIMIT_EXCEEDED", $"{e.Field} {e.Message}", e.Field),
        IntakeErrorCode.NotFound => HubHttp.ErrorAsync(http, StatusCodes.Status404NotFound, "NOT_FOUND", $"{e.Field} {e.Message}", e.Field),
        IntakeErrorCode.Forbidden => HubHttp.ErrorAsync(http, StatusCodes.Status403Forbidden, "FIELD_FORBIDDEN", $"Forbidden: {e.Message}", e.Field),
        IntakeErrorCode.InvalidTransition => HubHttp.ErrorAsync(http, StatusCodes.Status409Conflict, "INVALID_TRANSITION", $"{e.Field}: {e.Message}", e.Field),
        _ => HubHttp.ErrorAsync(http, StatusCodes.Status400BadRequest, "BAD_USER_INPUT", $"{e.Field} {e.Message}", e.Field),
    };

    /// <summary>An attachment's metadata as the API shows it (never its content).</summary>
    internal static object View(IntakeAttachment a) => new
    {
        id = a.Id, applicationId = a.CaseId, legId = a.LegId, fileName = a.FileName, contentType = a.ContentType, size = a.Size,
        sha256 = a.Sha256, scanResult = a.ScanResult, createdAt = a.CreatedAt,
    };
}
