using Hub.Adapters.Domain.Vocabulary;

namespace Hub.Adapters.Tests.Domain.Vocabulary;

public class ResidentKindTests
{
    [Theory]
    [InlineData("1", "Japanese")]
    [InlineData("日本人", "Japanese")]
    [InlineData("2", "Foreign")]
    [InlineData("外国人", "Foreign")]
    [InlineData("foreign", "Foreign")]
    public void Parse_CodeLabelOrName_Finds(string text, string name) =>
        Assert.Equal(name, ResidentKind.Parse(text).Name);

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("外国")]
    public void TryParse_Unknown_Fails(string text)
    {
        Assert.False(ResidentKind.TryParse(text, out _, out var error));
        Assert.StartsWith("住民種別:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Unknown_ThrowsListingValues() =>
        Assert.Contains("1 日本人, 2 外国人", Assert.Throws<FormatException>(() => ResidentKind.Parse("9")).Message, StringComparison.Ordinal);
}
