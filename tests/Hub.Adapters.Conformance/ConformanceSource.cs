namespace Hub.Adapters.Conformance;

/// <summary>The sources a vendor prepares for <see cref="SourceAdapterConformanceTests{TAdapter}"/>.</summary>
public enum ConformanceSource
{
    /// <summary>A typical source: at least a few dozen valid records, no malformed ones.</summary>
    Typical,

    /// <summary>A source with no records (a header-only file, an empty view, an API with no items).</summary>
    Empty,

    /// <summary>A typical source plus at least one malformed record (wrong column count, bad check digit, impossible date …).</summary>
    Malformed,
}
