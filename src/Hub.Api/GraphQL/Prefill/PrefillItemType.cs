using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>One pre-filled form item: value, provenance, status.</summary>
internal sealed class PrefillItemType : ObjectGraphType<PrefilledItem>
{
    public PrefillItemType()
    {
        Name = "PrefillItem";
        Description = "One item of a pre-filled form. value, sourceSystem and asOf are null unless the status is FILLED or UNCERTAIN.";
        Field<NonNullGraphType<StringGraphType>>("id").Description("The item's id in the form definition").Resolve(c => c.Source.Item.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The item's label on the form (Japanese)").Resolve(c => c.Source.Item.Label);
        Field<StringGraphType>("path").Description("The catalog path that fills it; null for an item only the resident can answer (no core system holds it, e.g. 電話番号): always UNAVAILABLE").Resolve(c => c.Source.Item.Path);
        Field<NonNullGraphType<PrefillStatusType>>("status").Description("FILLED, WITHHELD, UNAVAILABLE, UNCERTAIN or NOT_APPLICABLE").Resolve(c => c.Source.Status);
        Field<StringGraphType>("value").Description("The value as text (dates yyyy-MM-dd, 生年月日 as its original text)").Resolve(c => c.Source.Value);
        Field<StringGraphType>("sourceSystem").Description("取得元システム of the version the value came from").Resolve(c => c.Source.SourceSystem);
        Field<DateTimeGraphType>("asOf").Description("When the source system last changed that version (UTC)").Resolve(c => c.Source.AsOf);
    }
}
