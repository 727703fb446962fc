using System.Text.Json;
using Hub.Adapters.ChildAllowance;

namespace Hub.Adapters.Tests.ChildAllowance;

/// <summary>The raw bytes kept for a view row (written by one reused JSON writer) are those the original per-row serializer wrote.</summary>
public sealed class ChildAllowanceRawRowTests
{
    [Fact]
    public void RawRow_GeneratedRows_SameBytesAsSerializingADictionary()
    {
        string?[] values = [null, "", "1000000015", "2024-04-01", "児童手当", "<a href=\"x\">&'</a>", "\u3000\t\n", "𠮷\uE000", "2025-07-26T15:33:17+09:00"];
        var random = new Random(3);
        var json = new ChildAllowanceViewAdapter.RowJson();
        for (var i = 0; i < 2000; i++)
        {
            var texts = ChildAllowanceViewAdapter.Columns.Select(_ => values[random.Next(values.Length)]).ToArray();
            var expected = JsonSerializer.SerializeToUtf8Bytes(ChildAllowanceViewAdapter.Columns.Zip(texts).ToDictionary(p => p.First, p => p.Second));

            Assert.Equal(expected, ChildAllowanceViewAdapter.RawRow(json, texts));
        }
    }
}
