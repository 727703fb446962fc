namespace Hub.Demo.City;

/// <summary>Household types of the census (国勢調査 世帯の家族類型), with the demo's shares in comments.</summary>
internal enum HouseholdKind
{
    /// <summary>単独世帯 (~38%).</summary>
    Single,

    /// <summary>夫婦のみ (~21%).</summary>
    Couple,

    /// <summary>夫婦と子 (~24%).</summary>
    CoupleWithChildren,

    /// <summary>ひとり親と子 (~9%).</summary>
    SingleParent,

    /// <summary>三世代等 (~6%).</summary>
    ThreeGenerations,

    /// <summary>兄弟姉妹, 同居人, 夫婦と親 (~2%).</summary>
    Other,
}
