using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.PushTargets;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;

namespace Hub.Api.GraphQL.Intake;

/// <summary>申請受付ルール of one life event, as staff read them: the legs an application opens and the procedures that are guidance only.</summary>
internal sealed class ApplicationRuleType : ObjectGraphType<KeyValuePair<LifeEventKind, IntakeEventRules>>
{
    public ApplicationRuleType()
    {
        Name = "ApplicationRule";
        Description = "Which legs an application for a life event opens (schemas/life-events/intake/intake.json): department, task, form and SLA of each.";
        Field<NonNullGraphType<LifeEventKindType>>("event").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApplicationLegRuleType>>>>("legs").WithComplexityImpact(1, ApplicationType.LegsPerApplication).Resolve(c => c.Source.Value.Legs.Values.ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("guidanceOnly")
            .WithComplexityImpact(1, 5)
            .Description("Procedures of the event that open no leg (案内のみ, e.g. 乳幼児健診)")
            .Resolve(c => c.Source.Value.GuidanceOnly.Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>One leg rule.</summary>
internal sealed class ApplicationLegRuleType : ObjectGraphType<IntakeLegRule>
{
    public ApplicationLegRuleType()
    {
        Name = "ApplicationLegRule";
        Description = "One leg an application opens: the procedure, its department (担当課), the task it is handled under, its form and its SLA.";
        Field<NonNullGraphType<StringGraphType>>("procedure").Resolve(c => c.Source.Procedure);
        Field<NonNullGraphType<StringGraphType>>("name").Description("手続き名").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("department").Description("担当課").Resolve(c => c.Source.Department);
        Field<NonNullGraphType<StringGraphType>>("task").Description("The task (事務コード) the leg is handled and released under").Resolve(c => c.Source.Task);
        Field<StringGraphType>("formId").Description("The form (schemas/forms), or null").Resolve(c => c.Source.FormId);
        Field<NonNullGraphType<IntGraphType>>("slaDays").Description("処理期限 in days from submission").Resolve(c => c.Source.SlaDays);
    }
}
