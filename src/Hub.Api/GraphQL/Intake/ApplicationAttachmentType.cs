using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Agency;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using GraphQL.DataLoader;
using Hub.Data.Entities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>添付書類 of an application, as metadata; the content is read over HTTP (<c>url</c>), each read recorded.</summary>
internal sealed class ApplicationAttachmentType : ObjectGraphType<IntakeAttachment>
{
    private const string LoaderKey = "hub.intake.attachments";

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
    /// <paramref name="legId"/> and of the whole case when given; the applicant is noted as a subject of the response. The
    /// cases of one list are read together (one loader per request, as a batched GraphQL result).
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<IntakeAttachment>> List(IResolveFieldContext c, Guid caseId, string applicant, Guid? legId)
    {
        var context = c.RequestContext();
        if (context.IsResident && context.Assurance == AssuranceLevel.None)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, "attachments are personal data; sign in with an ID and password or with the My Number card.");
        }

        if (IntakeActors.For(context, c.Gate()) is not { } actor)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, $"attachments are for the applicant and for staff working in the leg's task; this user has no role in task '{context.Task}'.");
        }

        BatchLoader<Guid, IReadOnlyList<IntakeAttachment>> loader;
        lock (c.UserContext)
        {
            if (c.UserContext.TryGetValue(LoaderKey, out var existing) && existing is BatchLoader<Guid, IReadOnlyList<IntakeAttachment>> found)
            {
                loader = found;
            }
            else
            {
                var service = c.RequestServices!.GetRequiredService<IntakeAttachmentService>();
                loader = new((ids, ct) => service.ListAsync(ids, actor, ct));
                c.UserContext[LoaderKey] = loader;
            }
        }

        var access = c.Access();
        return loader.Load(caseId).Then(all =>
        {
            IReadOnlyList<IntakeAttachment> seen = legId is { } leg ? [.. (all ?? []).Where(a => a.LegId is null || a.LegId == leg)] : all ?? [];
            if (seen.Count > 0)
            {
                access.AddSubjects([applicant]);
            }

            return seen;
        }).ForGraphQL();
    }
}
