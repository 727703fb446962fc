using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Types;

/// <summary>One value of a field (項目の履歴). Its business times come from 異動日 and need read on resident.changeDate.</summary>
internal sealed class FieldVersionType : ObjectGraphType<FieldVersion>
{
    public FieldVersionType()
    {
        Name = "FieldVersion";
        Description = "One value a field held: from when until the next value (business time, from 異動日), when the hub recorded it (system time), and from which system.";
        Field<StringGraphType>("value").Description("The value as text (dates yyyy-MM-dd, 生年月日 as its original text)").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<BooleanGraphType>>("uncertain").Description("True for a partly unknown or off-calendar date").Resolve(c => c.Source.Uncertain);
        Field<DateTimeGraphType>("validFrom").Description("有効期間の開始 (business time, UTC: the 異動日 of the change; needs read on resident.changeDate)").Resolve(c => BusinessTime(c, c.Source.ValidFrom));
        Field<DateTimeGraphType>("validTo").Description("When the next value started (business time); null for the latest value; needs read on resident.changeDate").Resolve(c => BusinessTime(c, c.Source.ValidTo));
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When the hub recorded this value (UTC)").Resolve(c => c.Source.RecordedAt);
        Field<DateTimeGraphType>("supersededAt").Description("When the hub recorded the next value; null for the latest").Resolve(c => c.Source.SupersededAt);
        Field<NonNullGraphType<StringGraphType>>("sourceSystem").Description("取得元システム").Resolve(c => c.Source.SourceSystem);
    }

    private static DateTime? BusinessTime(IResolveFieldContext<FieldVersion> c, DateTime? value)
    {
        Disclosure.Require(c, [FieldVersion.BusinessTimePath], FieldAction.Read, new Subject([c.Source.AtenaNumber]), "a business time of a field's history");
        return value;
    }
}
