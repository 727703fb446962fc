using System.Security.Cryptography;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Intake.Attachments;

/// <summary>
/// 添付書類 (e.g. 出生証明書): refused over the size limit or outside the allowed types (the type is checked against the file's
/// first bytes, not only the name the sender gave it), each refusal naming the limit; scanned by the configured
/// <see cref="IAttachmentScanner"/> (none: recorded as <c>not-scanned</c>); stored with its SHA-256 in the database or a
/// configured folder, and checked against it when read back. Who may add and read is <see cref="IntakeAttachmentAccess"/>;
/// every read of a content is recorded in the access log before it is returned.
/// </summary>
public sealed class IntakeAttachmentService(
    IDbContextFactory<HubDbContext> factory,
    IntakeAttachmentOptions options,
    IAttachmentScanner? scanner,
    IAccessRecordWriter accessRecords,
    FieldMaskCache masks,
    TimeProvider time)
{
    /// <summary>What an attachment no scanner saw is recorded as.</summary>
    public const string NotScanned = "not-scanned";

    /// <summary>The operation access records of attachment reads name.</summary>
    public const string ReadOperation = "readApplicationAttachment";

    /// <summary>The limits in force.</summary>
    public IntakeAttachmentOptions Options => options;

    /// <summary>
    /// Adds a file to a case (and one of its legs). The applicant adds to their own case; a department to a leg of its task;
    /// the clerk who took the application at the counter to the case.
    /// </summary>
    public async Task<IntakeAttachment> AddAsync(Guid caseId, Guid? legId, string fileName, string contentType, byte[] content, IntakeActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        Check(fileName, contentType, content);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var intakeCase = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).SingleOrDefaultAsync(c => c.Id == caseId, ct).ConfigureAwait(false);
        IntakeAttachmentAccess.AuthorizeAdd(intakeCase, legId, actor);
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
            await WriteToFolderAsync(folder, hash, content, ct).ConfigureAwait(false);
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

    /// <summary>
    /// The attachments of a case that <paramref name="actor"/> may see (metadata only, oldest first): the applicant all of
    /// their own case; a department those of its legs and those added to the whole case.
    /// </summary>
    public async Task<IReadOnlyList<IntakeAttachment>> ListAsync(Guid caseId, IntakeActor actor, CancellationToken ct = default) =>
        (await ListAsync([caseId], actor, ct).ConfigureAwait(false)).GetValueOrDefault(caseId) ?? [];

    /// <summary>The same for several cases in two queries (a GraphQL list of applications or legs asks for them together).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<IntakeAttachment>>> ListAsync(IReadOnlyCollection<Guid> caseIds, IntakeActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var cases = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct).ConfigureAwait(false);
        var rows = await db.IntakeAttachments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId))
            .Select(a => new IntakeAttachment
            {
                Id = a.Id, CaseId = a.CaseId, LegId = a.LegId, FileName = a.FileName, ContentType = a.ContentType, Size = a.Size, Sha256 = a.Sha256,
                ScanResult = a.ScanResult, AddedBy = a.AddedBy, CreatedAt = a.CreatedAt,
            })
            .ToListAsync(ct).ConfigureAwait(false);
        return caseIds.Distinct().ToDictionary(id => id, id => (IReadOnlyList<IntakeAttachment>)(cases.TryGetValue(id, out var intakeCase)
            ? [.. rows.Where(a => a.CaseId == id && IntakeAttachmentAccess.MayRead(intakeCase, a, actor)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)]
            : []));
    }

    /// <summary>
    /// An attachment's content for <paramref name="actor"/>, checked against its SHA-256 (a changed file is refused, never
    /// served). The read is recorded under <paramref name="context"/> (the applicant as subject) before the content is returned.
    /// </summary>
    public async Task<(IntakeAttachment Attachment, byte[] Content)> ReadAsync(Guid id, IntakeActor actor, HubRequestContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(context);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var attachment = await db.IntakeAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.NotFound, "attachmentId", "names no attachment.");
        var intakeCase = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).SingleAsync(c => c.Id == attachment.CaseId, ct).ConfigureAwait(false);
        IntakeAttachmentAccess.AuthorizeRead(intakeCase, attachment, actor);
        var content = attachment.Content ?? await File.ReadAllBytesAsync(Path.Combine(options.Directory ?? throw new InvalidOperationException("Hub:Intake:Attachments:Directory is not set, yet the attachment lives in a folder."), attachment.StoredPath!), ct).ConfigureAwait(false);
        if (Convert.ToHexStringLower(SHA256.HashData(content)) != attachment.Sha256)
        {
            throw new InvalidOperationException($"Attachment {id:N} does not match its SHA-256: the stored content changed.");
        }

        var access = new AccessCollector();
        access.AddOperation(ReadOperation);
        access.AddSubjects([intakeCase.AtenaNumber]);
        await accessRecords.AppendAsync(context with { Case = context.Case ?? intakeCase.Id.ToString("N") }, access.ToEntry(), masks.Version ?? "none", ct).ConfigureAwait(false);
        attachment.Content = null;
        return (attachment, content);
    }

    private void Check(string fileName, string contentType, byte[] content)
    {
        if (content.LongLength > options.MaxBytes)
        {
            throw new IntakeException(IntakeErrorCode.LimitExceeded, "content", $"is {content.LongLength} bytes; at most {options.MaxBytes} bytes (setting Hub:Intake:Attachments:MaxBytes).");
        }

        if (content.Length == 0)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "content", "is empty.");
        }

        if (string.IsNullOrEmpty(contentType) || !options.AllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw new IntakeException(IntakeErrorCode.LimitExceeded, "contentType", $"is not allowed; allowed types: {string.Join(", ", options.AllowedTypes)} (setting Hub:Intake:Attachments:AllowedTypes).");
        }

        if (!LooksLike(contentType, content))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "content", $"is not a {contentType.ToLowerInvariant()} file (its first bytes say otherwise).");
        }

        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 255 || fileName.IndexOfAny(['/', '\\', '\0']) >= 0 || fileName.Any(char.IsControl))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "fileName", "must be 1 to 255 characters without a path or control characters.");
        }
    }

    // Content-addressed: the same file twice is stored once; written aside and moved, so no half file is ever named.
    private static async Task WriteToFolderAsync(string folder, string hash, byte[] content, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, hash);
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
            await File.WriteAllBytesAsync(temporary, content, ct).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
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
