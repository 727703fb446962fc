using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>One leg of a case: a procedure at one department.</summary>
internal sealed class ApplicationLegType : ObjectGraphType<ApplicationLegView>
{
    public ApplicationLegType()
    {
        Name = "ApplicationLeg";
        Description = "One procedure of an application at one department (担当課), handled in one task, with its status, history and the messages for the resident.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Leg.Id);
        Field<NonNullGraphType<IdGraphType>>("applicationId").Description("The case (案件)").Resolve(c => c.Source.Leg.CaseId);
        Field<NonNullGraphType<StringGraphType>>("procedure").Description("The life-event procedure id").Resolve(c => c.Source.Leg.ProcedureId);
        Field<NonNullGraphType<StringGraphType>>("name").Description("手続き名").Resolve(c => c.Source.Leg.Name);
        Field<NonNullGraphType<StringGraphType>>("department").Description("担当課").Resolve(c => c.Source.Leg.Department);
        Field<NonNullGraphType<StringGraphType>>("task").Description("The task (事務コード) it is handled and released under").Resolve(c => c.Source.Leg.Task);
        Field<StringGraphType>("formId").Description("The form (schemas/forms), or null").Resolve(c => c.Source.Leg.FormId);
        Field<NonNullGraphType<ApplicationLegStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("statusLabel").Description("The status in Japanese (送信済, 受付, 処理中, 補正依頼, 処理完了, 却下, 取下げ)").Resolve(c => IntakeStatusModel.Label(c.Source.Status));
        Field<NonNullGraphType<IntGraphType>>("slaDays").Resolve(c => c.Source.Leg.SlaDays);
        Field<NonNullGraphType<DateType>>("dueOn").Description("処理期限").Resolve(c => c.Source.Leg.DueOn);
        Field<StringGraphType>("assignee").Description("The clerk who took it: for staff; null for a resident principal").Resolve(c => c.Gate().IsResident ? null : c.Source.Leg.Assignee);
        Field<NonNullGraphType<DateTimeGraphType>>("updatedAt").Resolve(c => c.Source.Leg.UpdatedAt);
        // Counts come from the leg's data (what was found, how many members): for the resident and the owning department only.
        Field<IntGraphType>("itemsPrefilled").Description("Items the hub pre-filled (the resident, or the department owning the leg; else null)").Resolve(c => Counted(c, c.Source.Leg.ItemsPrefilled));
        Field<NonNullGraphType<IntGraphType>>("itemsTyped").Description("Items the applicant typed").Resolve(c => c.Source.Leg.ItemsTyped);
        Field<IntGraphType>("itemsMissing").Description("Items neither pre-filled nor typed (the resident, or the department owning the leg; else null)").Resolve(c => Counted(c, c.Source.Leg.ItemsMissing));
        Field<IntGraphType>("itemsOnPaper").Description("Items the paper form has for this household (the resident, or the department owning the leg; else null)").Resolve(c => Counted(c, c.Source.Leg.ItemsOnPaper));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationLegEventType>>>>("history").Description("Every status change, oldest first").WithComplexityImpact(1, 5).Resolve(c => c.Source.History);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("messages")
            .Description("The messages for the resident, oldest first")
            .Resolve(c => c.Source.History.Where(h => h.Message is not null).Select(h => h.Message!).ToList());
        Field<StringGraphType>("applicant")
            .Description("宛名番号 of the applicant: for the department that owns the leg (the request's task is the leg's)")
            .Resolve(c =>
            {
                OwnedOrForbidden(c);
                c.Access().AddSubjects([c.Source.AtenaNumber]);
                return c.Source.AtenaNumber;
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationAttachmentType>>>>("attachments")
            .Description("添付書類 for this leg and for the whole application, as far as you may see them (the applicant; the department owning the leg)")
            .WithComplexityImpact(1, 5)
            .Resolve(c => ApplicationAttachmentType.List(c, c.Source.Leg.CaseId, c.Source.AtenaNumber, c.Source.Leg.Id));
        Field<ListGraphType<NonNullGraphType<ApplicationItemType>>>("items")
            .WithComplexityImpact(1, 25)
            .Description("The form's items, released under the request's task: a value only where the task reads the item's path (else WITHHELD), recorded in the access log. For the department that owns the leg only.")
            .Resolve(c =>
            {
                OwnedOrForbidden(c);
                return IntakeLegRelease.Items(c.Source.Leg, c.Source.AtenaNumber, c.Gate(), c.Access());
            });
    }

    private static int? Counted(IResolveFieldContext<ApplicationLegView> c, int value) =>
        c.Gate().IsResident || c.RequestContext().Task == c.Source.Leg.Task ? value : null;

    // A leg's data goes to the staff of the department that owns it, in the leg's task; a resident reads statuses only.
    private static void OwnedOrForbidden(IResolveFieldContext<ApplicationLegView> c)
    {
        if (c.Gate().IsResident || c.RequestContext().Task != c.Source.Leg.Task)
        {
            throw FieldEnforcementMiddleware.Forbidden(c, $"a leg's data is for {c.Source.Leg.Department} in task '{c.Source.Leg.Task}' only.");
        }
    }
}
