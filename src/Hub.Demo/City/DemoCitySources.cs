namespace Hub.Demo.City;

/// <summary>
/// The demo city's core systems declared as the hub's sources (<c>Hub:Sources:&lt;name&gt;</c>), for a city written to any
/// folder: <c>src/Hub.Api/appsettings.json</c> declares exactly these for <c>data/demo-city</c> (a test keeps the two equal),
/// and tests and benchmarks that generate a city elsewhere declare them with this.
/// </summary>
public static class DemoCitySources
{
    /// <summary>Every setting of the demo's sources for a city generated into <paramref name="root"/> (paths joined with '/').</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var r = root.Replace('\\', '/').TrimEnd('/');
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Hub:Sources:resident-registry:Kind"] = "builtin",
            ["Hub:Sources:resident-registry:Adapter"] = "resident-registry-csv",
            ["Hub:Sources:resident-registry:Record"] = "resident",
            ["Hub:Sources:resident-registry:Options:FilePath"] = $"{r}/resident-registry/residents.csv",
            ["Hub:Sources:resident-tax:Kind"] = "layout",
            ["Hub:Sources:resident-tax:Layout"] = "resident-tax",
            ["Hub:Sources:resident-tax:Record"] = "tax",
            ["Hub:Sources:resident-tax:Options:DataPath"] = $"{r}/resident-tax",
            ["Hub:Sources:nhi:Kind"] = "builtin",
            ["Hub:Sources:nhi:Adapter"] = "nhi-simulator",
            ["Hub:Sources:nhi:Record"] = "nhi",
            ["Hub:Sources:nhi:Options:File"] = $"{r}/nhi/insured.ndjson",
            ["Hub:Sources:child-allowance:Kind"] = "builtin",
            ["Hub:Sources:child-allowance:Adapter"] = "child-allowance-view",
            ["Hub:Sources:child-allowance:Record"] = "childAllowance",
            ["Hub:Sources:child-allowance:Options:Provider"] = "sqlite",
            ["Hub:Sources:child-allowance:Options:ConnectionString"] = $"Data Source={r}/child-allowance/entitlements.db;Mode=ReadOnly",
            ["Hub:Sources:long-term-care:Kind"] = "layout",
            ["Hub:Sources:long-term-care:Layout"] = LongTermCareExport.LayoutFile,
            ["Hub:Sources:long-term-care:Record"] = "longTermCare",
            ["Hub:Sources:long-term-care:Options:DataPath"] = $"{r}/long-term-care",
            ["Hub:Sources:late-elderly:Kind"] = "assembly",
            ["Hub:Sources:late-elderly:Assembly"] = "Hub.Samples.LateElderly",
            ["Hub:Sources:late-elderly:Record"] = "lateElderly",
            ["Hub:Sources:late-elderly:Options:FilePath"] = $"{r}/{LateElderlyExport.RelativePath}",
            ["Hub:Sources:residence-status:Kind"] = "layout",
            ["Hub:Sources:residence-status:Layout"] = ResidenceStatusExport.LayoutFile,
            ["Hub:Sources:residence-status:Record"] = "residenceStatus",
            ["Hub:Sources:residence-status:Options:DataPath"] = $"{r}/residence-status",
        };
    }
}
