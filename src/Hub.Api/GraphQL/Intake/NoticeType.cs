using GraphQL.Types;
using Hub.Data.Entities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>お知らせ in the resident's inbox.</summary>
internal sealed class NoticeType : ObjectGraphType<IntakeNotice>
{
    public NoticeType()
    {
        Name = "Notice";
        Description = "お知らせ: a message in your inbox about your applications, with read/unread.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("applicationId").Resolve(c => c.Source.CaseId);
        Field<IdGraphType>("legId").Resolve(c => c.Source.LegId);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<BooleanGraphType>>("read").Resolve(c => c.Source.ReadAt is not null);
        Field<DateTimeGraphType>("readAt").Resolve(c => c.Source.ReadAt);
    }
}
