using Hub.Adapters.Domain.Vocabulary;

namespace Hub.Adapters.Tests.Domain.Vocabulary;

public class ChangeReasonTests
{
    [Theory]
    [InlineData("転入", ChangeReasonGroup.Entry)]
    [InlineData("出生", ChangeReasonGroup.Entry)]
    [InlineData("職権記載", ChangeReasonGroup.Entry)]
    [InlineData("国籍取得", ChangeReasonGroup.Entry)]
    [InlineData("帰化", ChangeReasonGroup.Entry)]
    [InlineData("転出", ChangeReasonGroup.Removal)]
    [InlineData("死亡", ChangeReasonGroup.Removal)]
    [InlineData("職権消除", ChangeReasonGroup.Removal)]
    [InlineData("国籍喪失", ChangeReasonGroup.Removal)]
    [InlineData("国外転出", ChangeReasonGroup.Removal)]
    [InlineData("転居", ChangeReasonGroup.Correction)]
    [InlineData("世帯分離", ChangeReasonGroup.Correction)]
    [InlineData("世帯合併", ChangeReasonGroup.Correction)]
    [InlineData("世帯主変更", ChangeReasonGroup.Correction)]
    [InlineData("個人番号変更", ChangeReasonGroup.Correction)]
    [InlineData("氏名変更", ChangeReasonGroup.Correction)]
    [InlineData("職権修正", ChangeReasonGroup.Correction)]
    public void Parse_Label_HasGroup(string text, ChangeReasonGroup group)
    {
        var reason = ChangeReason.Parse(text);

        Assert.Equal(group, reason.Group);
        Assert.Equal(text, reason.Label);
        Assert.Equal(group == ChangeReasonGroup.Removal, reason.EndsValidity);
    }

    [Theory]
    [InlineData("MoveIn", "転入")]
    [InlineData("moveout", "転出")]
    [InlineData("MoveWithin", "転居")]
    [InlineData("Birth", "出生")]
    [InlineData("Death", "死亡")]
    public void Parse_Name_Finds(string text, string label) => Assert.Equal(label, ChangeReason.Parse(text).Label);

    [Theory]
    [InlineData(null, "異動事由: empty")]
    [InlineData("引越し", "異動事由: 「引越し」 is not one of 転入, 出生")]
    public void TryParse_Unknown_ListsLabels(string? text, string expected)
    {
        Assert.False(ChangeReason.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void All_EveryGroupPresentAndLabelsUnique()
    {
        Assert.Equal(3, ChangeReason.All.Select(r => r.Group).Distinct().Count());
        Assert.Equal(ChangeReason.All.Count, ChangeReason.All.Select(r => r.Label).Distinct().Count());
        Assert.All(ChangeReason.All, r => Assert.Equal(r, ChangeReason.Parse(r.Name)));
    }
}
