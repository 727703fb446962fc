using GraphQLParser.AST;
using GraphQL.Types;
using Hub.Adapters.Domain.Dates;

namespace Hub.Api.GraphQL.Types;

/// <summary>
/// A calendar date, named <c>Date</c> in the schema as clients expect. Answered as ISO 8601 <c>yyyy-MM-dd</c>; accepted
/// as ISO or as any exact day the sync accepts (<see cref="JapaneseEraDate"/>): 和暦 such as 令和6年4月1日, R6.4.1,
/// H31/4/30, 昭45.3.12, with full-width digits, or 西暦 forms such as 2024/4/1 and 2024年4月1日. A value that is not one
/// exact day on the calendar and within its era (令和6年4月, 平成31年5月1日, 2月30日) is refused naming the argument;
/// the value is never echoed.
/// </summary>
internal sealed class DateType : DateOnlyGraphType
{
    /// <summary>What a refused value is told (never the value itself).</summary>
    public const string Expected = "a calendar day as yyyy-MM-dd or 和暦 (e.g. 令和6年4月1日, R6.4.1)";

    public DateType()
    {
        Name = "Date";
        Description = "A calendar date. Answered as ISO 8601 yyyy-MM-dd; accepted as yyyy-MM-dd or as 和暦 (令和6年4月1日, R6.4.1, H31/4/30) and the other exact-day forms the sync reads.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse((string)s.Value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value, Expected),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        string s => Parse(s),
        _ => ThrowValueConversionError(value),
    };

    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => TryParse((string)s.Value, out _),
        GraphQLNullValue => true,
        _ => false,
    };

    public override bool CanParseValue(object? value) => value switch
    {
        null or DateOnly => true,
        string s => TryParse(s, out _),
        _ => false,
    };

    /// <summary>The exact day <paramref name="text"/> names, in any accepted form.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
        {
            return true;
        }

        if (text is { Length: <= 40 } && JapaneseEraDate.TryParse(text, out var parsed)
            && parsed is { Precision: DatePrecision.Day, IsOnCalendar: true, IsWithinEra: true, Earliest: { } day })
        {
            date = day;
            return true;
        }

        date = default;
        return false;
    }

    private static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException("Expected " + Expected + ".");
}
