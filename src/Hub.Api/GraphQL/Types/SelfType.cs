using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Portal;
using Hub.Api.GraphQL.Prefill;
using Hub.Api.GraphQL.PushTargets;
using Hub.Capabilities.Audit;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>A resident principal's own view: their record, household and who looked at them.</summary>
internal sealed class SelfType : ObjectGraphType<ResidentRecord>
{
    public SelfType()
    {
        Name = "Me";
        Description = "A resident's own view (portal apps, task resident-portal): their record, their household, the access records about them, their own forms and life-event guides, and the household members they act for (法定代理・世帯).";
        Field<NonNullGraphType<AssuranceLevelType>>("assurance").Description("How you signed in: JPKI shows 個人番号, PASSWORD everything else, NONE nothing").Resolve(c => c.Gate().Assurance);
        Field<ResidentType>("resident").Description("Your own record").Resolve(c => c.Source);
        Field<HouseholdType>("household")
            .Description("Your household (members other than you show no data)")
            .Resolve(c => ResidentType.Household(c, c.Source));
        Field<PrefillType>("prefill")
            .Description("A form (schemas/forms) pre-filled for your own procedure. For a member you act for: actingFor { prefill }.")
            .Argument<NonNullGraphType<StringGraphType>>("formId", "The form's id")
            .ResolveAsync(async c => await PortalFields.PrefillAsync(c, c.Source.AtenaNumber).ConfigureAwait(false));
        Field<LifeEventGuideType>("lifeEventGuide")
            .Description("The procedures a life event of yours brings your household; facts of members you do not act for are not read (TO_CONFIRM).")
            .Argument<NonNullGraphType<LifeEventKindType>>("event", "The life event")
            .Argument<DateType>("on", "Event date (default today, JST)")
            .ResolveAsync(async c => await PortalFields.GuideAsync(c, c.Source.AtenaNumber).ConfigureAwait(false));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActingForType>>>>("actingFor")
            .Description("Members of your household you may act for (法定代理・世帯): as 世帯主 every member, as 親権者 (by 続柄) each child under 18. Their data is read as the policy lets your ground read it in task resident-portal, and recorded as done on their behalf.")
            .Resolve(c => PortalFields.Agents(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessRecordType>>>>("accessRecords")
            .Description("Who in the city read your data, when and why (oldest first, at most 1000)")
            .Argument<DateTimeGraphType>("from", "From (inclusive)")
            .Argument<DateTimeGraphType>("to", "To (exclusive)")
            .ResolveAsync(async c =>
            {
                var self = c.Source.AtenaNumber;
                var records = await c.RequestServices!.GetRequiredService<AccessRecordQueries>()
                    .AboutAsync(self, Utc(c.GetArgument<DateTime?>("from")), Utc(c.GetArgument<DateTime?>("to")), c.CancellationToken).ConfigureAwait(false);

                // The resident sees that they were looked at, never who else was in the same response.
                return records.Select(r => new AccessRecordView(r, [self])).ToList();
            });
        Hub.Api.GraphQL.Intake.IntakeFields.AddIntakeSelfFields(this);
    }

    /// <summary>A DateTime argument as UTC.</summary>
    public static DateTime? Utc(DateTime? value) => value?.ToUniversalTime();
}
