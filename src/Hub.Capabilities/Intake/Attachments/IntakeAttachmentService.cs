using System.Security.Cryptography;
using Hub.Data;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Intake.Attachments;

/// <summary>
/// 添付書類 (e.g. 出生証明書): refused over the size limit or outside the allowed types (the type is checked against the file's
/// first bytes, not only the name the sender gave it), each refusal naming the limit; scanned by the configured
/// <see cref="IAttachmentScanner"/> (none: recorded as <c>not-scanned</c>); stored with its SHA-256 in the database or a
/// configured folder, and checked against it when read back.
/// </summary>
public sealed class IntakeAttachmentService(IDbContextFactory<HubDbContext> factory, IntakeAttachmentOptions options, IAttachmentScanner? scanner, TimeProvider time)
{
    /// <summary>What an attachment no scanner saw is recorded as.</summary>
    public const string NotScanned = "not-scanned";

    /// <summary>Adds a file to a case (and one of its legs); the applicant adds to their own case only.</summary>
    public async Task<IntakeAttachment> AddAsync(Guid caseId, Guid? legId, string fileName, string contentType, byte[] content, IntakeActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        if (content.LongLength > options.MaxBytes)
        {
            throw new IntakeException(IntakeErrorCode.LimitExceeded, "content", $"is {content.LongLength} bytes; at most {options.MaxBytes} bytes (setting Hub:Intake:Attachments:MaxBytes).");
        }

        if (content.Length == 0)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "content", "is empty.");
        }

        if (!options.AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw new IntakeException(IntakeErrorCode.LimitExceeded, "contentType", $"is not allowed; allowed types: {string.Join(", ", options.AllowedTypes)} (setting Hub:Intake:Attachments:AllowedTypes).");
        }

        if (!LooksLike(contentType, content))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "content", $"is not a {contentType} file (its first bytes say otherwise).");
        }

        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255 || fileName.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "fileName", "must be 1 to 255 characters without a path.");
        }

        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var intakeCase = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
        if (intakeCase is null || (actor.Kind == IntakeActorKind.Applicant && actor.AtenaNumber is { } atena && atena != intakeCase.AtenaNumber))
        {
            throw new IntakeException(IntakeErrorCode.NotFound, "applicationId", "names no application.");
        }

        if (legId is { } leg && intakeCase.Legs.All(l => l.Id != leg))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "legId", "names no leg of this application.");
        }

        var verdict = scanner is null ? null : await scanner.ScanAsync(content, ct).ConfigureAwait(false);
        if (verdict is not null)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "content", $"was refused by the virus scan ({scanner!.Name}).");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var attachment = new IntakeAttachment
        {
            Id = Guid.NewGuid(), CaseId = caseId, LegId = legId, FileName = fileName, ContentType = contentType.ToLowerInvariant(), Size = content.LongLength, Sha256 = hash,
            ScanResult = scanner is null ? NotScanned : "clean:" + scanner.Name, AddedBy = actor.UserId, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        if (options.Directory is { } folder)
        {
            // Content-addressed: the same file twice is stored once; written aside and moved, so no half file is ever named.
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, hash);
            if (!File.Exists(path))
            {
                var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
                await File.WriteAllBytesAsync(temporary, content, ct).ConfigureAwait(false);
                File.Move(temporary, path, overwrite: true);
            }

            attachment.StoredPath = hash;
        }
        else
        {
            attachment.Content = content;
        }

        db.IntakeAttachments.Add(attachment);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return attachment;
    }

    /// <summary>An attachment's content, checked against its SHA-256 (a changed file is refused, never served).</summary>
    public async Task<(IntakeAttachment Attachment, byte[] Content)> ReadAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var attachment = await db.IntakeAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.NotFound, "id", "names no attachment.");
        var content = attachment.Content ?? await File.ReadAllBytesAsync(Path.Combine(options.Directory ?? throw new InvalidOperationException("Hub:Intake:Attachments:Directory is not set, yet the attachment lives in a folder."), attachment.StoredPath!), ct).ConfigureAwait(false);
        return Convert.ToHexStringLower(SHA256.HashData(content)) == attachment.Sha256
            ? (attachment, content)
            : throw new InvalidOperationException($"Attachment {id:N} does not match its SHA-256: the stored content changed.");
    }

    // The first bytes of each allowed type (a name or a declared type alone proves nothing).
    private static bool LooksLike(string contentType, byte[] content) => contentType.ToLowerInvariant() switch
    {
        "application/pdf" => content.AsSpan().StartsWith("%PDF-"u8),
        "image/png" => content.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        "image/jpeg" => content.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        _ => true,
    };
}
