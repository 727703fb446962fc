using System.Globalization;
using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Converts one field's text to its canonical type. Errors name the field and the rule, never the value:
/// they end up in quarantine listings.
/// </summary>
internal static class FieldConverter
{
    /// <summary>Converts <paramref name="text"/> (non-empty) or returns an error; <paramref name="eraDates"/> answers dates already parsed in this read.</summary>
    public static string? TryConvert(string field, FieldKind kind, string? form, string text, bool verifyCheckDigits, TimeSpan offset, out object? value, EraDateMemo? eraDates = null)
    {
        value = null;
        switch (kind)
        {
            case FieldKind.Text:
                value = text;
                return null;
            case FieldKind.Name:
                value = PersonName.From(text);
                return null;
            case FieldKind.Kana:
                if (KanaName.TryParse(text, out var kana, out _))
                {
                    value = kana;
                    return null;
                }

                return $"{field}: not a kana reading";
            case FieldKind.Atena:
                return AtenaNumber.TryParse(text, verifyCheckDigits, out var atena, out var e1) ? Ok(atena, out value) : e1.Describe(field);
            case FieldKind.Household:
                return HouseholdNumber.TryParse(text, verifyCheckDigits, out var hn, out var e2) ? Ok(hn, out value) : e2.Describe(field);
            case FieldKind.Juminhyo:
                return JuminhyoCode.TryParse(text, out var jc, out var e3) ? Ok(jc, out value) : e3.Describe(field);
            case FieldKind.MyNumber:
                return MyNumber.TryParse(text, out var mn, out var e4) ? Ok(mn, out value) : e4.Describe(field);
            case FieldKind.ResidentKind:
                return ResidentKind.TryParse(text, out var rk, out _) ? Ok(rk, out value) : $"{field}: not a 住民種別 (1 日本人, 2 外国人)";
            case FieldKind.Sex:
                return Sex.TryParse(text, out var sex, out _) ? Ok(sex, out value) : $"{field}: not a 性別 code (1, 2, 9)";
            case FieldKind.Relationship:
                return Relationship.TryParse(text, out var rel, out _) ? Ok(rel, out value) : $"{field}: not a 続柄 of the vocabulary";
            case FieldKind.ChangeReason:
                return ChangeReason.TryParse(text, out var cr, out _) ? Ok(cr, out value) : $"{field}: not an 異動事由 of the vocabulary";
            case FieldKind.EraDate:
                return (eraDates is null ? JapaneseEraDate.TryParse(text, out var era) : eraDates.TryParse(text, out era)) && FormAccepts(form, text)
                    ? Ok(era, out value)
                    : $"{field}: not a date in the form '{form ?? "any"}' (和暦, 西暦, era code or 不詳)";
            case FieldKind.Date:
                return TryDate(form, text, out var date) ? Ok(date, out value) : $"{field}: not a calendar date in the form '{form ?? "iso"}'";
            case FieldKind.Timestamp:
                return TryTimestamp(form, text, offset, out var ts) ? Ok(ts, out value) : $"{field}: not a timestamp in the form '{form ?? "iso"}'";
            case FieldKind.Bool:
                return text switch
                {
                    "1" or "true" or "TRUE" or "True" => Ok(true, out value),
                    "0" or "false" or "FALSE" or "False" => Ok(false, out value),
                    _ => $"{field}: not a flag (0/1, false/true)",
                };
            case FieldKind.Int:
                return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? Ok(i, out value) : $"{field}: not an integer";
            case FieldKind.Long:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? Ok(l, out value) : $"{field}: not an integer";
            default:
                return $"{field}: unsupported field type";
        }
    }

    /// <summary>True for a value that means "absent" in a date field of a legacy layout (all zeros).</summary>
    public static bool IsZeroDate(FieldKind kind, string text) => kind == FieldKind.Date && text.AsSpan().IndexOfAnyExcept('0') < 0;

    private static string? Ok(object v, out object? value)
    {
        value = v;
        return null;
    }

    // Boxes of the values exports repeat most (no income, no dependents, the flags), shared rather than allocated per field.
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly object BoxedZeroInt = 0;
    private static readonly object BoxedZeroLong = 0L;

    private static string? Ok(bool v, out object? value) => Ok(v ? BoxedTrue : BoxedFalse, out value);

    private static string? Ok(int v, out object? value) => Ok(v == 0 ? BoxedZeroInt : v, out value);

    private static string? Ok(long v, out object? value) => Ok(v == 0 ? BoxedZeroLong : v, out value);

    private static bool FormAccepts(string? form, string text) => form switch
    {
        "era-code" => text.Length == 7 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0,
        "iso" => text.Length == 10 && text[4] == '-',
        _ => true,
    };

    private static bool TryDate(string? form, string text, out DateOnly date)
    {
        switch (form ?? "iso")
        {
            case "iso":
                return IsoText.TryParseDate(text, out date);
            case "yyyymmdd":
                return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            default:
                date = default;
                return FormAccepts(form, text) && JapaneseEraDate.TryParse(text, out var era) && era.Precision == DatePrecision.Day && era.TryGetDate(out date);
        }
    }

    private static bool TryTimestamp(string? form, string text, TimeSpan offset, out DateTimeOffset value)
    {
        if (form == "yyyymmddhhmmss")
        {
            if (DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                value = new DateTimeOffset(local, offset);
                return true;
            }

            value = default;
            return false;
        }

        return IsoText.TryParseTimestamp(text, out value) && text.Contains('T', StringComparison.Ordinal);
    }
}
