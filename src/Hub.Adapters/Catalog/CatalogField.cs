namespace Hub.Adapters.Catalog;

/// <summary>
/// One field of the field catalog (項目カタログ): the path used as GraphQL field, policy object, form key
/// and audit column; its Japanese label, type, classification and the national standard item it stands for.
/// </summary>
/// <param name="Path">Catalog path, e.g. <c>resident.name</c>.</param>
/// <param name="Record">Record the field belongs to, e.g. <c>resident</c>.</param>
/// <param name="Name">Property name within the record, e.g. <c>name</c>.</param>
/// <param name="Label">Japanese label, e.g. 氏名.</param>
/// <param name="Type">string, integer, boolean, date, japaneseEraDate or array.</param>
/// <param name="Nullable">Whether the value may be absent.</param>
/// <param name="MaxLength">Maximum length of a string, when bounded.</param>
/// <param name="Classification">基本4情報, 個人番号, 識別子, 住民記録, 税, 国保, 福祉 …</param>
/// <param name="StandardSpecification">The national standard specification (標準仕様書).</param>
/// <param name="StandardItem">The item of that specification.</param>
/// <param name="Relation">For a relation field, the path it joins on (e.g. <c>resident.householdNumber</c>).</param>
public sealed record CatalogField(
    string Path,
    string Record,
    string Name,
    string Label,
    string Type,
    bool Nullable,
    int? MaxLength,
    string Classification,
    string StandardSpecification,
    string StandardItem,
    string? Relation)
{
    /// <summary>The values a string field may take (JSON Schema <c>enum</c>), when closed; e.g. 要支援1 … 要介護5.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>The pattern a string field's value matches (JSON Schema <c>pattern</c>), when given.</summary>
    public string? Pattern { get; init; }

    /// <summary>True for 個人番号 (specific personal information under the My Number law).</summary>
    public bool IsMyNumber => Classification == "個人番号";
}
