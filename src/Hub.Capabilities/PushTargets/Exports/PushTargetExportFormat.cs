namespace Hub.Capabilities.PushTargets.Exports;

/// <summary>Formats of a push-target export.</summary>
public enum PushTargetExportFormat
{
    /// <summary><c>text/csv</c>, UTF-8 without BOM, a header line of column names.</summary>
    Csv,

    /// <summary><c>application/x-ndjson</c>: one JSON object per resident.</summary>
    Ndjson,
}
