namespace Hub.Adapters;

/// <summary>The core systems (基幹系システム) the built-in adapters read.</summary>
public static class SourceSystems
{
    /// <summary>住民記録.</summary>
    public const string ResidentRegistry = "resident-registry";

    /// <summary>個人住民税.</summary>
    public const string ResidentTax = "resident-tax";

    /// <summary>国民健康保険.</summary>
    public const string Nhi = "nhi";

    /// <summary>児童手当.</summary>
    public const string ChildAllowance = "child-allowance";
}
