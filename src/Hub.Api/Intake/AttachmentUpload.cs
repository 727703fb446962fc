using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hub.Api.Intake;

/// <summary>
/// An uploaded file as sent: the raw body with its <c>Content-Type</c> and the name in <c>Content-Disposition</c>, or the
/// first file part of a <c>multipart/form-data</c> body. Never reads more than the limit and one byte.
/// </summary>
internal sealed record AttachmentUpload(string? FileName, string? ContentType, byte[]? Content, string? Error)
{
    /// <summary>The error of a body over the limit.</summary>
    public const string TooLarge = "too-large";

    public static async Task<AttachmentUpload> ReadAsync(HttpRequest request, long max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { Length: > 0 } media)
        {
            return new(null, null, null, "has no Content-Type: send the file with its media type, or as multipart/form-data.");
        }

        if (!media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var name = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition) ? NameIn(disposition) : null;
            var raw = await ReadLimitedAsync(request.Body, max, ct).ConfigureAwait(false);
            return raw is null ? new(null, null, null, TooLarge) : new(name, media, raw, null);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return new(null, null, null, "is multipart/form-data without a boundary.");
        }

        // Each file part is read up to the limit; the whole body is capped by the server (the endpoint sets its limit).
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var part) || !part.IsFileDisposition())
                {
                    continue;
                }

                var content = await ReadLimitedAsync(section.Body, max, ct).ConfigureAwait(false);
                var partType = MediaTypeHeaderValue.TryParse(section.ContentType, out var t) ? t.MediaType.Value : null;
                return content is null ? new(null, null, null, TooLarge) : new(NameIn(part), partType, content, null);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new(null, null, null, TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new(null, null, null, "is not a well-formed multipart/form-data body.");
        }

        return new(null, null, null, "holds no file part (Content-Disposition: form-data; name=\"file\"; filename=\"…\").");
    }

    private static string? NameIn(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value;
        return string.IsNullOrEmpty(name) ? HeaderUtilities.RemoveQuotes(disposition.FileName).Value : name;
    }

    // The whole stream, or null once it holds more than max bytes.
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
