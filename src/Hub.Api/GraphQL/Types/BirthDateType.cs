using GraphQL.Types;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>生年月日 as the core system holds it: original text (和暦 or 西暦, 不詳 forms), calendar range, precision.</summary>
internal sealed class BirthDateType : ObjectGraphType<ResidentRecord>
{
    public BirthDateType()
    {
        Name = "BirthDate";
        Description = "生年月日: the original text exactly as given, the calendar range it can denote and its precision.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("原文 (original text, 和暦 or 西暦, exactly as the source gave it)").Resolve(c => c.Source.BirthDateText);
        Field<DateType>("earliest").Description("Earliest calendar day the date can denote; null when wholly unknown").Resolve(c => c.Source.BirthDateEarliest);
        Field<DateType>("latest").Description("Latest calendar day the date can denote; null when wholly unknown").Resolve(c => c.Source.BirthDateLatest);
        Field<NonNullGraphType<StringGraphType>>("precision")
            .Description("精度: Day, Xun (上旬/中旬/下旬), Month, Year, ApproximateYear (頃), Era or Unknown (不詳)")
            .Resolve(c => c.Source.BirthDatePrecision ?? "Unknown");
        Field<NonNullGraphType<BooleanGraphType>>("onCalendar")
            .Description("False for a date that is not on the calendar (e.g. 2月29日 in a common year), kept as given")
            .Resolve(c => c.Source.BirthDateOnCalendar);
    }
}
