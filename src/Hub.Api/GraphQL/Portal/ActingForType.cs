using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.PushTargets;
using Hub.Api.GraphQL.Prefill;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.LifeEvents;

namespace Hub.Api.GraphQL.Portal;

/// <summary>A household member the resident acts for: their record, a form pre-filled for them, their life-event guide.</summary>
internal sealed class ActingForType : ObjectGraphType<ActingFor>
{
    public ActingForType()
    {
        Name = "ActingFor";
        Description = "A member of your household you may act for (法定代理・世帯): their data as the policy lets your ground read it (task resident-portal); every read is recorded as done on their behalf.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgencyGroundType>>>>("grounds").Description("Why you may act for them").Resolve(c => c.Source.Grounds);
        Field<ResidentType>("resident").Description("The member's record: each field as your ground may read it").Resolve(c => c.Source.Member);
        Field<PrefillType>("prefill")
            .Description("A form (schemas/forms) pre-filled for the member's own procedure, item by item as your ground may read it.")
            .Argument<NonNullGraphType<StringGraphType>>("formId", "The form's id")
            .ResolveAsync(async c => await PortalFields.PrefillAsync(c, c.Source.Member.AtenaNumber).ConfigureAwait(false));
        Field<LifeEventGuideType>("lifeEventGuide")
            .Description("The procedures a life event of the member brings the household, decided on the facts your grounds may read for every member; others are TO_CONFIRM.")
            .Argument<NonNullGraphType<LifeEventKindType>>("event", "The life event")
            .Argument<DateType>("on", "Event date (default today, JST)")
            .ResolveAsync(async c => await PortalFields.GuideAsync(c, c.Source.Member.AtenaNumber).ConfigureAwait(false));
    }
}
