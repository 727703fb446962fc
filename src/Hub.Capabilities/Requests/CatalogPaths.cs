namespace Hub.Capabilities.Requests;

/// <summary>Catalog paths the API treats specially.</summary>
public static class CatalogPaths
{
    /// <summary>個人番号: specific personal information; reading or using it is flagged in the access record.</summary>
    public const string MyNumber = "resident.myNumber";

    /// <summary>氏名カナ: searching by its key needs read access to it.</summary>
    public const string NameKana = "resident.nameKana";

    /// <summary>氏名 (kanji, or a foreign resident's legal name in romaji): a search key.</summary>
    public const string Name = "resident.name";

    /// <summary>通称 (a foreign resident's registered alias name): a search key.</summary>
    public const string Alias = "resident.alias";

    /// <summary>住所: a search key (prefix).</summary>
    public const string Address = "resident.address";

    /// <summary>生年月日.</summary>
    public const string BirthDate = "resident.birthDate";

    /// <summary>住民状態 (住民 / 消除): leaving removed residents out of a search decides on it.</summary>
    public const string Status = "resident.status";

    /// <summary>続柄: acting for a household member decides on it.</summary>
    public const string Relationship = "resident.relationship";
}
