using System.Text.Json.Nodes;
using Hub.Adapters.Catalog;

namespace Hub.Adapters.Tests.Catalog;

/// <summary>
/// A record schema fully declares a kind (key, subject, dating, indexed fields), and one that contradicts itself stops the
/// catalog from loading with the file and the JSON path of every problem.
/// </summary>
public sealed class FieldCatalogKindTests
{
    [Fact]
    public void LoadDefault_SampleKinds_AreGenericWithKeySubjectAndDating()
    {
        var catalog = FieldCatalog.LoadDefault();

        var care = catalog.Kind("longTermCare")!;
        Assert.True(care.IsGeneric);
        Assert.Equal(["insuredNumber", "validFrom"], care.Key);
        Assert.Equal("atenaNumber", care.Subject);
        Assert.Equal(new RecordDating("validFrom", "validUntil", true), care.Dating);
        Assert.Equal(["careLevel"], care.Indexed);
        Assert.Equal(["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"], care.Field("careLevel")!.AllowedValues);
        var elderly = catalog.Kind("lateElderly")!;
        Assert.Equal(new RecordDating("acquiredOn", "lostOn", false), elderly.Dating);
        var residence = catalog.Kind("residenceStatus")!;
        Assert.Equal(new RecordDating("permittedOn", "expiresOn", true), residence.Dating);
        Assert.Equal("在留資格", catalog.Find("residenceStatus.status")!.Label);
        Assert.Equal(["lateElderly", "longTermCare", "residenceStatus"], catalog.GenericKinds.Select(k => k.Name).Order(StringComparer.Ordinal));
        Assert.False(catalog.Kind("nhi")!.IsGeneric);
    }

    [Fact]
    public void Load_KindInAFolder_IsInTheCatalogWithItsPaths()
    {
        using var folder = new KindFolder().With("disability.schema.json", Kind("disability").ToJsonString());

        var catalog = FieldCatalog.Load(folder.Path);

        Assert.NotNull(catalog.Kind("disability"));
        Assert.Equal("障害等級", catalog.Find("disability.grade")!.Label);
    }

    [Fact]
    public void Load_UnknownType_NamesFileAndPath()
    {
        var kind = Kind("disability");
        kind["properties"]!["grade"]!["type"] = "number";

        var e = Fails(kind);

        Assert.Contains("disability.schema.json: $.properties.grade.type: unknown type 'number'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicatePath_NamesFileAndPath()
    {
        var text = Kind("disability").ToJsonString();
        // The same property twice: JSON parsers keep both, the catalog must not.
        var duplicated = text.Replace("\"grade\":{", "\"grade\":{\"type\":\"string\",\"x-hub-path\":\"disability.grade\",\"x-hub-label\":\"x\",\"x-hub-classification\":\"福祉\",\"x-hub-standard\":{\"specification\":\"障害者福祉システム標準仕様書\",\"item\":\"x\"}},\"grade\":{", StringComparison.Ordinal);
        using var folder = new KindFolder().With("disability.schema.json", duplicated);

        var e = Assert.Throws<FieldCatalogException>(() => FieldCatalog.Load(folder.Path));

        Assert.Contains("disability.schema.json: $.properties.grade.x-hub-path: 'disability.grade' is declared twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingKey_NamesFileAndPath()
    {
        var kind = Kind("disability");
        kind.Remove("x-hub-key");

        var e = Fails(kind);

        Assert.Contains("disability.schema.json: $.x-hub-key: missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-hub-key", "[\"certificateNumber\", \"issuedOnn\"]", "$.x-hub-key[1]: 'issuedOnn' is not a property of this schema")]
    [InlineData("x-hub-subject", "\"atena\"", "$.x-hub-subject: 'atena' is not a property of this schema")]
    [InlineData("x-hub-dating", "{\"from\": \"issuedOn\", \"to\": \"expiresOnn\"}", "$.x-hub-dating.to: 'expiresOnn' is not a property of this schema")]
    [InlineData("x-hub-dating", "{\"from\": \"grade\"}", "$.x-hub-dating.from: 'grade' is a string field; this needs a date field")]
    [InlineData("x-hub-dating", "{\"to\": \"expiresOn\"}", "$.x-hub-dating.from: required")]
    [InlineData("x-hub-indexed", "[\"grade\", \"grade\"]", "$.x-hub-indexed[1]: 'grade' is named twice")]
    [InlineData("x-hub-keys", "[\"grade\"]", "$.x-hub-keys: unknown annotation")]
    public void Load_UndeclaredOrWrongField_NamesFileAndPath(string annotation, string value, string expected)
    {
        var kind = Kind("disability");
        kind[annotation] = JsonNode.Parse(value);

        var e = Fails(kind);

        Assert.Contains("disability.schema.json: " + expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOne()
    {
        var kind = Kind("disability");
        kind.Remove("x-hub-key");
        kind["properties"]!["grade"]!["type"] = "object";
        kind["x-hub-subject"] = "nobody";

        var e = Fails(kind);

        Assert.Contains(e.Problems, p => p.StartsWith("disability.schema.json: $.x-hub-key: missing", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("disability.schema.json: $.properties.grade.type: unknown type 'object'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("disability.schema.json: $.x-hub-subject: 'nobody'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_KindDeclaredTwice_NamesBothFiles()
    {
        using var folder = new KindFolder().With("long-term-care-copy.schema.json", KindFolder.LongTermCare().ToJsonString());

        var e = Assert.Throws<FieldCatalogException>(() => FieldCatalog.Load(folder.Path));

        Assert.Contains("long-term-care.schema.json: $.x-hub-record: kind 'longTermCare' is declared twice (also in long-term-care-copy.schema.json)", e.Message, StringComparison.Ordinal);
    }

    private static FieldCatalogException Fails(JsonObject kind)
    {
        using var folder = new KindFolder().With("disability.schema.json", kind.ToJsonString());
        return Assert.Throws<FieldCatalogException>(() => FieldCatalog.Load(folder.Path));
    }

    // 障害者手帳: a kind a city might add.
    internal static JsonObject Kind(string name) => JsonNode.Parse($$"""
        {
          "type": "object",
          "x-hub-record": "{{name}}",
          "x-hub-label": "障害者手帳",
          "x-hub-key": ["certificateNumber"],
          "x-hub-subject": "atenaNumber",
          "x-hub-dating": { "from": "issuedOn", "to": "expiresOn", "toInclusive": true },
          "x-hub-indexed": ["grade"],
          "required": ["atenaNumber", "certificateNumber"],
          "properties": {
            "atenaNumber": { "type": "string", "maxLength": 15, "x-hub-path": "{{name}}.atenaNumber", "x-hub-label": "宛名番号", "x-hub-classification": "識別子", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "宛名番号" } },
            "certificateNumber": { "type": "string", "x-hub-path": "{{name}}.certificateNumber", "x-hub-label": "手帳番号", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "手帳番号" } },
            "grade": { "type": ["string", "null"], "x-hub-path": "{{name}}.grade", "x-hub-label": "障害等級", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "障害等級" } },
            "issuedOn": { "type": ["string", "null"], "format": "date", "x-hub-path": "{{name}}.issuedOn", "x-hub-label": "交付日", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "交付年月日" } },
            "expiresOn": { "type": ["string", "null"], "format": "date", "x-hub-path": "{{name}}.expiresOn", "x-hub-label": "有効期限", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "有効期限" } }
          }
        }
        """)!.AsObject();
}
