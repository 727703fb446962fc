using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.PushTargets;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>A case (案件): one application for one life event.</summary>
internal sealed class ApplicationType : ObjectGraphType<ApplicationView>
{
    /// <summary>The legs an application is weighed with (the most any event opens).</summary>
    public const int LegsPerApplication = 7;

    public ApplicationType()
    {
        Name = "Application";
        Description = "An application (案件) for one life event of one person: one leg per procedure, its status derived from the legs.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Case.Id);
        Field<NonNullGraphType<LifeEventKindType>>("event").Resolve(c => Hub.Capabilities.LifeEvents.LifeEventRuleReader.EventNames[c.Source.Case.Event]);
        Field<NonNullGraphType<DateType>>("on").Description("The event date").Resolve(c => c.Source.Case.On);
        Field<NonNullGraphType<StringGraphType>>("channel").Description("counter or portal").Resolve(c => c.Source.Case.Channel);
        Field<NonNullGraphType<DateTimeGraphType>>("submittedAt").Resolve(c => c.Source.Case.SubmittedAt);
        Field<NonNullGraphType<ApplicationStatusType>>("status").Description("Derived from the legs").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("replayed").Description("True when this submission made no new case: its Idempotency-Key or its event, person and date named this one").Resolve(c => c.Source.Replayed);
        // Derived from every leg's data (values found, household members): for the resident only; staff read them per leg they own.
        Field<IntGraphType>("itemsPrefilled").Description("Items the hub pre-filled, over every leg (the resident; null for staff)").Resolve(c => c.Gate().IsResident ? c.Source.Case.ItemsPrefilled : (int?)null);
        Field<NonNullGraphType<IntGraphType>>("itemsTyped").Description("Items the applicant typed (each answer once, however many forms ask it)").Resolve(c => c.Source.Case.ItemsTyped);
        Field<IntGraphType>("itemsOnPaper").Description("Items on the paper forms of the legs (the resident; null for staff)").Resolve(c => c.Gate().IsResident ? c.Source.Case.ItemsOnPaper : (int?)null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationAttachmentType>>>>("attachments")
            .Description("添付書類 you may see: the applicant all of theirs; a department those of its legs, those for the whole application and those it added")
            .WithComplexityImpact(1, 5)
            .Resolve(c => ApplicationAttachmentType.List(c, c.Source.Case.Id, c.Source.Case.AtenaNumber, null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationLegType>>>>("legs").WithComplexityImpact(1, LegsPerApplication).Resolve(c => c.Source.Legs);
    }
}
