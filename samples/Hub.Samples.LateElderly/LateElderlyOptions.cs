using Hub.Adapters.Sdk;

namespace Hub.Samples.LateElderly;

/// <summary>Options of the 後期高齢者医療 資格 adapter (<c>Hub:Sources:&lt;name&gt;:Options</c>).</summary>
public sealed class LateElderlyOptions : AdapterOptions
{
    /// <summary>
    /// The 広域連合's export of 資格 (<c>late-elderly/qualifications.csv</c> of the demo city): UTF-8 CSV with a header,
    /// dates <c>yyyymmdd</c>. Required. Whether it exists is checked when a run reads it (the demo writes it after startup).
    /// </summary>
    public string FilePath { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(FilePath))
        {
            problems.Add("FilePath (the 後期高齢者医療 資格 export) is required.");
        }
    }
}
