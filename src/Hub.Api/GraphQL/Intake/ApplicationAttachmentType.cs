using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Agency;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Data.Entities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>添付書類 of an application, as metadata; the content is read over HTTP (<c>url</c>), each read recorded.</summary>
internal sealed class ApplicationAttachmentType : ObjectGraphType<IntakeAttachment>
{
    public ApplicationAttachmentType()
    {
        Name = "ApplicationAttachment";
        Description = "添付書類 (e.g. 出生証明書): its name, type, size, SHA-256 and virus-scan result. The content is at url (GET with the same token, task and purpose); each read is recorded in the access log.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<IdGraphType>("legId").Description("The leg it was added for, or null for the whole application").Resolve(c => c.Source.LegId);
        Field<NonNullGraphType<StringGraphType>>("fileName").Resolve(c => c.Source.FileName);
        Field<NonNullGraphType<StringGraphType>>("contentType").Resolve(c => c.Source.ContentType);
        Field<NonNullGraphType<LongGraphType>>("size").Description("Bytes").Resolve(c => c.Source.Size);
        Field<NonNullGraphType<StringGraphType>>("sha256").Description("SHA-256 of the content (hex)").Resolve(c => c.Source.Sha256);
        Field<NonNullGraphType<StringGraphType>>("scanResult").Description("clean:<scanner>, or not-scanned when no scanner is configured").Resolve(c => c.Source.ScanResult);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<StringGraphType>>("url").Description("Where to GET the content").Resolve(c => $"/intake/attachments/{c.Source.Id}");
    }

    /// <summary>
    /// The attachments of <paramref name="caseId"/> this request may see (<see cref="IntakeAttachmentAccess"/>), those of
    /// <paramref name="legId"/> and of the whole case when given; the applicant is noted as a subject of the response.
    /// </summary>
    public static async Task<IReadOnlyList<IntakeAttachment>> ListAsync(IResolveFieldContext c, Guid caseId, string applicant, Guid? legId)
    {
        var context = c.RequestContext();
        if (context.IsResident && context.Assurance == AssuranceLevel.None)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, "attachments are personal data; sign in with an ID and password or with the My Number card.");
        }

        if (IntakeActors.For(context, c.Gate()) is not { } actor)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, $"attachments are for the applicant and for staff working in the leg's task; this user has no role in task '{c.RequestContext().Task}'.");
        }

        var all = await c.RequestServices!.GetRequiredService<IntakeAttachmentService>().ListAsync(caseId, actor, c.CancellationToken).ConfigureAwait(false);
        var seen = legId is { } leg ? [.. all.Where(a => a.LegId is null || a.LegId == leg)] : all;
        if (seen.Count > 0)
        {
            c.Access().AddSubjects([applicant]);
        }

        return seen;
    }
}
