using System.Text.Json.Serialization;

namespace Hub.Adapters.Layouts;

/// <summary>
/// ファイルレイアウト定義: a core system's export described as data (<c>schemas/adapters/*.layout.json</c>,
/// schema <c>schemas/adapters/layout.schema.json</c>). <see cref="LayoutFileAdapter"/> reads any export so
/// described, with no code per vendor.
/// </summary>
public sealed class LayoutDefinition
{
    /// <summary>The layout's name (e.g. <c>resident-registry-legacy</c>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>What the layout is, for people.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The canonical record kind: <c>resident</c>, <c>tax-assessment</c>, <c>nhi-qualification</c>, <c>child-allowance-entitlement</c>,
    /// or a kind declared as data in the field catalog (e.g. <c>longTermCare</c>), whose fields are the kind's properties plus
    /// <c>sourceTimestamp</c> (required) and <c>isRemoved</c> (消除).
    /// </summary>
    public string RecordKind { get; set; } = string.Empty;

    /// <summary><c>csv</c> or <c>fixed-width</c>.</summary>
    public string Format { get; set; } = "csv";

    /// <summary><c>utf-8</c> (a BOM is skipped when present), <c>utf-8-bom</c>, <c>shift_jis</c> / <c>cp932</c>, <c>euc-jp</c>. Default <c>utf-8</c>.</summary>
    public string Encoding { get; set; } = "utf-8";

    /// <summary>CSV only: whether the first record is a header naming the columns. Default true.</summary>
    public bool Header { get; set; } = true;

    /// <summary>Fixed-width only: bytes per record, line end excluded.</summary>
    public int? RecordLength { get; set; }

    /// <summary>Fixed-width only: <c>crlf</c>, <c>lf</c> (either is accepted when reading) or <c>none</c> (records back to back). Default <c>crlf</c>.</summary>
    public string LineEnd { get; set; } = "crlf";

    /// <summary>Which files of a folder the layout reads (<c>*</c> and <c>?</c> wildcards), in ordinal name order. Default <c>*</c>.</summary>
    public string FilePattern { get; set; } = "*";

    /// <summary>The source's 外字 table (<c>.csv</c> or <c>.json</c>, see <c>GaijiTable</c>), relative to the export's folder; none when absent.</summary>
    public string? GaijiTable { get; set; }

    /// <summary>Whether 宛名番号 and 世帯番号 must carry a modulus-11 check digit. Default true.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <summary>Offset for timestamps written without one. Default <c>+09:00</c> (JST).</summary>
    public string TimeZone { get; set; } = "+09:00";

    /// <summary>Named code tables (source code → canonical code or label), referred to by <see cref="LayoutField.Codes"/>.</summary>
    public Dictionary<string, Dictionary<string, string>> CodeTables { get; set; } = [];

    /// <summary>The fields read, each mapped to one canonical field.</summary>
    public List<LayoutField> Fields { get; set; } = [];

    /// <summary>Keys of the JSON object not part of the format (reported as problems).</summary>
    [JsonExtensionData]
    public Dictionary<string, object>? Unknown { get; set; }
}
