using GraphQL.Types;

namespace Hub.Api.GraphQL.Types;

/// <summary>One version of a field (項目の履歴).</summary>
internal sealed class FieldVersionType : ObjectGraphType<FieldVersion>
{
    public FieldVersionType()
    {
        Name = "FieldVersion";
        Description = "A field's value in one recorded version, with its validity (business time) and when the hub knew it (system time).";
        Field<StringGraphType>("value").Description("The value as text (dates yyyy-MM-dd, 生年月日 as its original text)").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<BooleanGraphType>>("uncertain").Description("True for a partly unknown or off-calendar date").Resolve(c => c.Source.Uncertain);
        Field<NonNullGraphType<DateTimeGraphType>>("validFrom").Description("有効期間の開始 (business time, UTC)").Resolve(c => c.Source.Version.ValidFrom);
        Field<DateTimeGraphType>("validTo").Description("有効期間の終了 (消除), null while valid").Resolve(c => c.Source.Version.ValidTo);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Description("When the hub recorded this version (UTC)").Resolve(c => c.Source.Version.RecordedAt);
        Field<DateTimeGraphType>("supersededAt").Description("When a newer version replaced it; null for the latest").Resolve(c => c.Source.Version.SupersededAt);
        Field<NonNullGraphType<StringGraphType>>("sourceSystem").Description("取得元システム").Resolve(c => c.Source.Version.SourceSystem);
    }
}
