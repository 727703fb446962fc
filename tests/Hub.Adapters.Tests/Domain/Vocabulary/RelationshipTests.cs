using Hub.Adapters.Domain.Vocabulary;

namespace Hub.Adapters.Tests.Domain.Vocabulary;

public class RelationshipTests
{
    [Theory]
    [InlineData("世帯主", "HouseholdHead")]
    [InlineData("妻", "Wife")]
    [InlineData("夫", "Husband")]
    [InlineData("子", "Child")]
    [InlineData("子の妻", "ChildsWife")]
    [InlineData("子の夫", "ChildsHusband")]
    [InlineData("孫", "Grandchild")]
    [InlineData("父", "Father")]
    [InlineData("母", "Mother")]
    [InlineData("祖父", "Grandfather")]
    [InlineData("祖母", "Grandmother")]
    [InlineData("兄", "ElderBrother")]
    [InlineData("姉", "ElderSister")]
    [InlineData("弟", "YoungerBrother")]
    [InlineData("妹", "YoungerSister")]
    [InlineData("妻の父", "WifesFather")]
    [InlineData("妻の母", "WifesMother")]
    [InlineData("夫の父", "HusbandsFather")]
    [InlineData("夫の母", "HusbandsMother")]
    [InlineData("叔父", "ParentsYoungerBrother")]
    [InlineData("伯父", "ParentsElderBrother")]
    [InlineData("叔母", "ParentsYoungerSister")]
    [InlineData("甥", "Nephew")]
    [InlineData("姪", "Niece")]
    [InlineData("同居人", "Lodger")]
    [InlineData("縁故者", "Relative")]
    [InlineData("未届の妻", "CommonLawWife")]
    [InlineData("未届の夫", "CommonLawHusband")]
    [InlineData("妻の子", "WifesChild")]
    [InlineData("夫の子", "HusbandsChild")]
    [InlineData(" 子の妻 ", "ChildsWife")]
    [InlineData("childswife", "ChildsWife")]
    public void Parse_Label_Finds(string text, string name) =>
        Assert.Equal(name, Relationship.Parse(text).Name);

    [Theory]
    [InlineData("長男")]
    [InlineData("二女")]
    [InlineData("次男")]
    [InlineData("三女")]
    [InlineData("養子")]
    public void Parse_KosekiBirthOrder_IsChild(string text) => Assert.Equal(Relationship.Child, Relationship.Parse(text));

    [Theory]
    [InlineData("妻（未届）", "未届の妻")]
    [InlineData("夫(未届)", "未届の夫")]
    [InlineData("曽孫", "曾孫")]
    public void Parse_Alias_Finds(string text, string label) => Assert.Equal(label, Relationship.Parse(text).Label);

    [Theory]
    [InlineData("姑")]
    [InlineData("友人")]
    [InlineData("1")]
    public void TryParse_Unknown_ListsLabels(string text)
    {
        Assert.False(Relationship.TryParse(text, out _, out var error));
        Assert.Contains($"続柄: 「{text}」 is not one of 世帯主, 妻, 夫, 子, 子の妻", error, StringComparison.Ordinal);
    }

    [Fact]
    public void All_LabelsAndNamesAreUnique()
    {
        Assert.Equal(Relationship.All.Count, Relationship.All.Select(r => r.Label).Distinct().Count());
        Assert.Equal(Relationship.All.Count, Relationship.All.Select(r => r.Name).Distinct().Count());
        Assert.All(Relationship.All, r => Assert.Equal(r, Relationship.Parse(r.Label)));
    }

    [Fact]
    public void IsHouseholdHead_OnlyForHead()
    {
        Assert.True(Relationship.HouseholdHead.IsHouseholdHead);
        Assert.Single(Relationship.All, r => r.IsHouseholdHead);
        Assert.Equal("世帯主", Relationship.HouseholdHead.ToString());
    }
}
