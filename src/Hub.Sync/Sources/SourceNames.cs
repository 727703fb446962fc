using Hub.Adapters;

namespace Hub.Sync.Sources;

/// <summary>Names of the built-in sources (used in runs, watermarks, schedules and quarantine).</summary>
public static class SourceNames
{
    /// <summary>住民記録.</summary>
    public const string ResidentRegistry = SourceSystems.ResidentRegistry;

    /// <summary>個人住民税.</summary>
    public const string ResidentTax = SourceSystems.ResidentTax;

    /// <summary>国民健康保険.</summary>
    public const string Nhi = SourceSystems.Nhi;

    /// <summary>児童手当.</summary>
    public const string ChildAllowance = SourceSystems.ChildAllowance;
}
