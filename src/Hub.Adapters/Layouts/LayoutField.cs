using System.Text.Json.Serialization;

namespace Hub.Adapters.Layouts;

/// <summary>One field of a <see cref="LayoutDefinition"/>: where it is in a record and which canonical field it fills.</summary>
public sealed class LayoutField
{
    /// <summary>The canonical field, in camelCase as the record's property (<c>atenaNumber</c>, <c>birthDate</c>, <c>sourceTimestamp</c>).</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary>CSV with a header: the column's name.</summary>
    public string? Column { get; set; }

    /// <summary>CSV: the column's position, 1-based (with or without a header).</summary>
    public int? Index { get; set; }

    /// <summary>Fixed-width: the field's first byte, 0-based.</summary>
    public int? Offset { get; set; }

    /// <summary>Fixed-width: the field's length in bytes.</summary>
    public int? Length { get; set; }

    /// <summary>
    /// How a date or timestamp is written: dates <c>iso</c> (yyyy-MM-dd), <c>yyyymmdd</c>, <c>era-code</c>
    /// (era digit + YYMMDD, 1 明治 … 5 令和), <c>wareki</c> (令和5年4月1日, R05.04.01) or <c>any</c> (every form
    /// <c>JapaneseEraDate</c> reads, 不詳 included); timestamps <c>iso</c> or <c>yyyymmddhhmmss</c> (in the
    /// layout's time zone). Default: <c>iso</c>, and <c>any</c> for <c>birthDate</c>.
    /// </summary>
    public string? Form { get; set; }

    /// <summary>Name of a code table of the layout: the source's value is looked up there first; a value not in the table is rejected.</summary>
    public string? Codes { get; set; }

    /// <summary>Trimming of spaces (ASCII and U+3000): <c>none</c>, <c>end</c> or <c>both</c>. Default <c>both</c> for fixed-width, <c>none</c> for CSV.</summary>
    public string? Trim { get; set; }

    /// <summary>Keys of the JSON object not part of the format (reported as problems).</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Unknown { get; set; }
}
