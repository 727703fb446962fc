using GraphQL.Types;
using Hub.Capabilities.LifeEvents;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>The procedures a life event brings this household.</summary>
internal sealed class LifeEventGuideType : ObjectGraphType<LifeEventGuide>
{
    public LifeEventGuideType()
    {
        Name = "LifeEventGuide";
        Field<NonNullGraphType<LifeEventKindType>>("event").Resolve(c => c.Source.Event);
        Field<NonNullGraphType<StringGraphType>>("atenaNumber").Resolve(c => c.Source.AtenaNumber);
        Field<NonNullGraphType<StringGraphType>>("on").Description("The event date (yyyy-MM-dd) the facts were taken on.").Resolve(c => c.Source.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LifeEventProcedureType>>>>("procedures").Resolve(c => c.Source.Procedures);
    }
}

/// <summary>One procedure: department, the reason from the data, the form prefill can fill, whether already done.</summary>
internal sealed class LifeEventProcedureType : ObjectGraphType<LifeEventProcedure>
{
    public LifeEventProcedureType()
    {
        Name = "LifeEventProcedure";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("手続き名").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("department").Description("担当課").Resolve(c => c.Source.Department);
        Field<NonNullGraphType<LifeEventProcedureStatusType>>("status").Description("APPLIES (該当), DONE (済) or TO_CONFIRM (要確認: decided by facts this task may not read).").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Which fact in the data made it apply; for TO_CONFIRM, only that this task cannot decide it.").Resolve(c => c.Source.Reason);
        Field<StringGraphType>("formId").Description("The form prefill(formId:) can fill.").Resolve(c => c.Source.FormId);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
        Field<StringGraphType>("doneReason").Resolve(c => c.Source.DoneReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("undecidedBy")
            .Description("Catalog paths the rule reads that this task may not read (the same for every resident: a property of the rule and the policy).")
            .Resolve(c => c.Source.UndecidedBy);
    }
}

/// <summary>APPLIES, DONE, TO_CONFIRM.</summary>
internal sealed class LifeEventProcedureStatusType : EnumerationGraphType<LifeEventProcedureStatus>
{
    public LifeEventProcedureStatusType()
    {
        Name = "LifeEventProcedureStatus";
    }
}

/// <summary>BIRTH, MOVE_IN, MOVE_OUT, MOVE_WITHIN, DEATH, MARRIAGE, DIVORCE, RETIREMENT.</summary>
internal sealed class LifeEventKindType : EnumerationGraphType<LifeEventKind>
{
    public LifeEventKindType()
    {
        Name = "LifeEvent";
    }
}
