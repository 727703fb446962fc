using System.Text;
using Hub.Adapters.Nhi;

namespace Hub.Adapters.Tests.Nhi;

/// <summary>A byte order mark before an API answer's JSON belongs to the body, not to a field: the page reads as without it.</summary>
public sealed class NhiPageBomTests
{
    private const string Body = """{"items":[{"atenaNumber":"1000000019","insuredSymbol":"0005","updatedAt":"2026-03-01T10:00:00+09:00"}],"nextPage":null}""";

    [Fact]
    public void ParsePage_BodyWithLeadingBom_ReadsTheSameItems()
    {
        var plain = NhiItemMapping.ParsePage(Encoding.UTF8.GetBytes(Body), "page 1");
        var withBom = NhiItemMapping.ParsePage([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Body)], "page 1");

        Assert.Equal(plain.Items.Select(i => (Encoding.UTF8.GetString(i.Raw), i.Key)), withBom.Items.Select(i => (Encoding.UTF8.GetString(i.Raw), i.Key)));
        Assert.DoesNotContain('\uFEFF', Encoding.UTF8.GetString(withBom.Items[0].Raw));
    }
}
