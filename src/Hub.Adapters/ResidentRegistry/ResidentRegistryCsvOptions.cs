using Hub.Adapters.Sdk;

namespace Hub.Adapters.ResidentRegistry;

/// <summary>Options of the resident registry (住民記録) CSV adapter. Layout: <c>schemas/adapters/resident-registry.md</c>.</summary>
public sealed class ResidentRegistryCsvOptions : AdapterOptions
{
    /// <summary>Path of the export file (<c>residents.csv</c>). Required.</summary>
    public string FilePath { get; set; } = string.Empty;

    /// <summary>Whether 宛名番号 and 世帯番号 must carry a valid check digit. Default true; older numbers may not carry one.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(FilePath))
        {
            problems.Add("FilePath is required.");
        }
    }
}
