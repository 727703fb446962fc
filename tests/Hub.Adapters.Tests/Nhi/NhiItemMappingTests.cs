using System.Text;
using System.Text.Json;
using Hub.Adapters.Layouts;
using Hub.Adapters.Nhi;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Tests.Nhi;

/// <summary>
/// <see cref="NhiItemMapping.Map"/> reads an item once with a streaming reader; it maps every item exactly as
/// reading it through <see cref="JsonDocument"/> does (the original way): same record, same rejection.
/// </summary>
public sealed class NhiItemMappingTests
{
    private static readonly string[] Names =
        ["atenaNumber", "householdNumber", "insuredSymbol", "insuredNumber", "acquiredOn", "lostOn", "acquisitionReason", "lossReason", "myNumber", "updatedAt"];

    private static readonly RecordConverter Converter = NhiItemMapping.Converter(verifyCheckDigits: true);

    /// <summary>The original mapping: the item parsed into a <see cref="JsonDocument"/>, each property looked up by name.</summary>
    private static SourceItem Reference(string location, byte[] raw)
    {
        using var doc = JsonDocument.Parse(raw);
        var item = doc.RootElement;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return SourceItem.Rejected(location, raw, "item is not a JSON object");
        }

        var texts = new string?[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            if (!item.TryGetProperty(Names[i], out var v) || v.ValueKind == JsonValueKind.Null)
            {
                texts[i] = string.Empty;
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                texts[i] = v.GetString();
            }
            else
            {
                return SourceItem.Rejected(location, raw, $"{Names[i]}: not a string");
            }
        }

        return NhiItemMapping.Converter(verifyCheckDigits: true).Convert(location, raw, texts);
    }

    private static string Value(Random random) => random.Next(14) switch
    {
        0 => "null",
        1 => "12",
        2 => "{\"a\":[1,{\"b\":\"c\"}]}",
        3 => "[\"x\"]",
        4 => "true",
        5 => "\"\\u0031000000015\"",
        6 => "\"\"",
        7 => "\"2024-04-01\"",
        8 => "\"2025-07-26T15:33:17+09:00\"",
        9 => "\"記号\\n\\\"q\\\"\"",
        _ => "\"1000000015\"",
    };

    private static string Item(Random random)
    {
        if (random.Next(20) == 0)
        {
            return random.Next(2) == 0 ? "[1,2]" : "\"text\"";
        }

        var properties = new List<string>();
        for (var n = random.Next(14); n > 0; n--)
        {
            var name = random.Next(6) == 0 ? "other" : Names[random.Next(Names.Length)];
            if (random.Next(15) == 0)
            {
                name = "\\u0061tenaNumber"; // an escaped property name
            }

            properties.Add($"\"{name}\":{Value(random)}");
        }

        return "{" + string.Join(',', properties) + "}";
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Map_GeneratedItems_SameAsJsonDocumentReading(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var raw = Encoding.UTF8.GetBytes(Item(random));
            var expected = Reference("page 1 item 1", raw);

            var actual = NhiItemMapping.Map(Converter, "page 1 item 1", raw);

            Assert.Equal(expected.Rejection, actual.Rejection);
            Assert.Equal(expected.SourceKey, actual.SourceKey);
            Assert.Equal(expected.Record, actual.Record);
            Assert.Equal(expected.Findings, actual.Findings);
        }
    }

    [Fact]
    public void ParsePage_Items_KeepTheirBytesAsSent()
    {
        const string Items = "{\"atenaNumber\":\"1000000015\",\"name\":\"藤田 \\u840c\"}, [1, 2] ,\"\\ud842\\udfb7\"";
        var body = Encoding.UTF8.GetBytes("{\"items\":[" + Items + "],\"nextPage\":null}");

        var (items, next) = NhiItemMapping.ParsePage(body, "page 1");

        Assert.Null(next);
        Assert.Equal(
            ["{\"atenaNumber\":\"1000000015\",\"name\":\"藤田 \\u840c\"}", "[1, 2]", "\"\\ud842\\udfb7\""],
            items.Select(i => Encoding.UTF8.GetString(i.Raw)));
    }
}
