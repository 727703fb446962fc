using System.Globalization;
using Hub.Adapters;

namespace Hub.Sync.Running;

/// <summary>
/// A run that read rows and quarantined every one of them loaded nothing: the source is most likely read with the wrong
/// settings (a CP932 file read as UTF-8, a layout that does not fit). Such a run fails, saying so, with a hint naming
/// the likely encoding when the rows' bytes point to one (<see cref="Quality.EncodingEvidence"/>). Its rows stay in
/// quarantine and its watermark stands, as for any run.
/// </summary>
internal static class AllQuarantined
{
    /// <summary>The run's error: the count, where the rows are, the hint, and how to read them again after a fix.</summary>
    public static string Error(long read, string source, string? hint, string sourceSystem)
    {
        var setting = hint is not null && sourceSystem == SourceSystems.ResidentRegistry ? $" (the registry export's: Hub:Sources:{source}:Options:Encoding)" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"every row read ({read:N0}) was quarantined and nothing was loaded; {(hint is null ? "see hub sync quarantine for the reasons" : hint + setting)}. The rows are kept in quarantine; after fixing the source's settings, read it again with: hub sync run --source {source} --from-start");
    }
}
