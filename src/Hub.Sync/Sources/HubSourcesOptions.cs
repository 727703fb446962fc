namespace Hub.Sync.Sources;

/// <summary>
/// Configuration section <c>Hub:Sources</c>: the four core systems the hub reads. Defaults point at the demo
/// city's exports under <c>data/demo-city</c>; an empty path (or address) leaves that system out.
/// </summary>
public sealed class HubSourcesOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Sources";

    /// <summary>住民記録: the resident registry CSV export. Default <c>data/demo-city/resident-registry/residents.csv</c>.</summary>
    public string ResidentRegistryFile { get; set; } = "data/demo-city/resident-registry/residents.csv";

    /// <summary>Whether 宛名番号/世帯番号 must carry a check digit in that export. Default true.</summary>
    public bool ResidentRegistryVerifyCheckDigits { get; set; } = true;

    /// <summary>The text encoding of that export: <c>utf-8</c>, <c>cp932</c> (<c>shift_jis</c>) or <c>euc-jp</c>. Default <c>utf-8</c>.</summary>
    public string ResidentRegistryEncoding { get; set; } = "utf-8";

    /// <summary>個人住民税: the folder of <c>assessments-FY*.csv</c> exports. Default <c>data/demo-city/resident-tax</c>.</summary>
    public string ResidentTaxDirectory { get; set; } = "data/demo-city/resident-tax";

    /// <summary>国民健康保険: base address of the NHI system's paged JSON API. Default none: the in-process simulator serves <see cref="NhiDemoFile"/>.</summary>
    public Uri? NhiBaseAddress { get; set; }

    /// <summary>The NDJSON the NHI simulator serves when <see cref="NhiBaseAddress"/> is not set. Default <c>data/demo-city/nhi/insured.ndjson</c>.</summary>
    public string NhiDemoFile { get; set; } = "data/demo-city/nhi/insured.ndjson";

    /// <summary>児童手当: ADO.NET provider of the child allowance system's database (<c>sqlserver</c>, <c>postgresql</c>, <c>sqlite</c>). Default <c>sqlite</c> (the demo's).</summary>
    public string ChildAllowanceProvider { get; set; } = "sqlite";

    /// <summary>Connection string of that database. Default the demo's <c>data/demo-city/child-allowance/entitlements.db</c>, read-only.</summary>
    public string ChildAllowanceConnectionString { get; set; } = "Data Source=data/demo-city/child-allowance/entitlements.db;Mode=ReadOnly";

    /// <summary>Records per transaction of the file and database adapters. Default 2,000.</summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// Items per page asked of the NHI API; a page is one transaction. Default 2,000 (the adapter's own default of 500
    /// made a million-resident city's NHI sync pay four times the per-transaction work); 1 to 5,000.
    /// </summary>
    public int NhiPageSize { get; set; } = 2_000;
}
