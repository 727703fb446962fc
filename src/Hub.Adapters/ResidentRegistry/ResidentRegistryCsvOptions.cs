using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.ResidentRegistry;

/// <summary>Options of the resident registry (住民記録) CSV adapter. Layout: <c>schemas/adapters/resident-registry.md</c>.</summary>
public sealed class ResidentRegistryCsvOptions : AdapterOptions
{
    /// <summary>Path of the export file (<c>residents.csv</c>). Required.</summary>
    public string FilePath { get; set; } = string.Empty;

    /// <summary>Whether 宛名番号 and 世帯番号 must carry a valid check digit. Default true; older numbers may not carry one.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <summary>
    /// The export's text encoding, by a name of <see cref="TextEncodings.Names"/> (<c>utf-8</c>, <c>cp932</c>/<c>shift_jis</c>,
    /// <c>euc-jp</c>). Default <c>utf-8</c> (a leading BOM is skipped). Decoding is strict: a row with bytes that are not
    /// valid in it is quarantined.
    /// </summary>
    public string Encoding { get; set; } = "utf-8";

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(FilePath))
        {
            problems.Add("FilePath is required.");
        }

        if (Encoding is null || TextEncodings.Get(Encoding) is null)
        {
            problems.Add($"Encoding '{Encoding}' is not one of {string.Join(", ", TextEncodings.Names)}.");
        }
    }
}
