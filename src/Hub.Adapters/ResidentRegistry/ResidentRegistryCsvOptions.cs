namespace Hub.Adapters.ResidentRegistry;

/// <summary>Options of the resident registry (住民記録) CSV adapter. Layout: <c>schemas/adapters/resident-registry.md</c>.</summary>
public sealed class ResidentRegistryCsvOptions
{
    /// <summary>Path of the export file (<c>residents.csv</c>). Required.</summary>
    public string FilePath { get; set; } = string.Empty;

    /// <summary>Whether 宛名番号 and 世帯番号 must carry a valid check digit. Default true; older numbers may not carry one.</summary>
    public bool VerifyCheckDigits { get; set; } = true;

    /// <summary>Records per batch (one transaction each). Default 2,000.</summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(FilePath))
        {
            problems.Add("ResidentRegistryCsv:FilePath is required.");
        }
        else if (!File.Exists(FilePath))
        {
            problems.Add($"ResidentRegistryCsv:FilePath: file {FilePath} does not exist.");
        }

        if (BatchSize is < 1 or > 100_000)
        {
            problems.Add("ResidentRegistryCsv:BatchSize must be between 1 and 100,000.");
        }

        return problems;
    }
}
