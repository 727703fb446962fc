using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>
/// 続柄: a household member's relationship to the household head (世帯主), a closed vocabulary as
/// 住民票 writes it. Parsed from the Japanese label (妻, 子の妻, 未届の夫 …) or the English name.
/// </summary>
/// <remarks>
/// Since 1995 住民票 writes every child as 子; 戸籍-style birth-order terms (長男, 二女 …) and 養子/養女
/// are read as <see cref="Child"/>. 「妻（未届）」 and 「夫（未届）」 are read as 未届の妻 / 未届の夫.
/// 伯父/伯母 (a parent's elder sibling) and 叔父/叔母 (a younger one) are distinct, as written.
/// </remarks>
public readonly record struct Relationship
{
    private Relationship(string name, string label) => (Name, Label) = (name, label);

    /// <summary>世帯主.</summary>
    public static Relationship HouseholdHead { get; } = new(nameof(HouseholdHead), "世帯主");

    /// <summary>妻.</summary>
    public static Relationship Wife { get; } = new(nameof(Wife), "妻");

    /// <summary>夫.</summary>
    public static Relationship Husband { get; } = new(nameof(Husband), "夫");

    /// <summary>子.</summary>
    public static Relationship Child { get; } = new(nameof(Child), "子");

    /// <summary>子の妻.</summary>
    public static Relationship ChildsWife { get; } = new(nameof(ChildsWife), "子の妻");

    /// <summary>子の夫.</summary>
    public static Relationship ChildsHusband { get; } = new(nameof(ChildsHusband), "子の夫");

    /// <summary>孫.</summary>
    public static Relationship Grandchild { get; } = new(nameof(Grandchild), "孫");

    /// <summary>孫の妻.</summary>
    public static Relationship GrandchildsWife { get; } = new(nameof(GrandchildsWife), "孫の妻");

    /// <summary>孫の夫.</summary>
    public static Relationship GrandchildsHusband { get; } = new(nameof(GrandchildsHusband), "孫の夫");

    /// <summary>曾孫.</summary>
    public static Relationship GreatGrandchild { get; } = new(nameof(GreatGrandchild), "曾孫");

    /// <summary>父.</summary>
    public static Relationship Father { get; } = new(nameof(Father), "父");

    /// <summary>母.</summary>
    public static Relationship Mother { get; } = new(nameof(Mother), "母");

    /// <summary>祖父.</summary>
    public static Relationship Grandfather { get; } = new(nameof(Grandfather), "祖父");

    /// <summary>祖母.</summary>
    public static Relationship Grandmother { get; } = new(nameof(Grandmother), "祖母");

    /// <summary>兄.</summary>
    public static Relationship ElderBrother { get; } = new(nameof(ElderBrother), "兄");

    /// <summary>姉.</summary>
    public static Relationship ElderSister { get; } = new(nameof(ElderSister), "姉");

    /// <summary>弟.</summary>
    public static Relationship YoungerBrother { get; } = new(nameof(YoungerBrother), "弟");

    /// <summary>妹.</summary>
    public static Relationship YoungerSister { get; } = new(nameof(YoungerSister), "妹");

    /// <summary>兄の妻.</summary>
    public static Relationship ElderBrothersWife { get; } = new(nameof(ElderBrothersWife), "兄の妻");

    /// <summary>弟の妻.</summary>
    public static Relationship YoungerBrothersWife { get; } = new(nameof(YoungerBrothersWife), "弟の妻");

    /// <summary>姉の夫.</summary>
    public static Relationship ElderSistersHusband { get; } = new(nameof(ElderSistersHusband), "姉の夫");

    /// <summary>妹の夫.</summary>
    public static Relationship YoungerSistersHusband { get; } = new(nameof(YoungerSistersHusband), "妹の夫");

    /// <summary>妻の父.</summary>
    public static Relationship WifesFather { get; } = new(nameof(WifesFather), "妻の父");

    /// <summary>妻の母.</summary>
    public static Relationship WifesMother { get; } = new(nameof(WifesMother), "妻の母");

    /// <summary>夫の父.</summary>
    public static Relationship HusbandsFather { get; } = new(nameof(HusbandsFather), "夫の父");

    /// <summary>夫の母.</summary>
    public static Relationship HusbandsMother { get; } = new(nameof(HusbandsMother), "夫の母");

    /// <summary>父の妻.</summary>
    public static Relationship FathersWife { get; } = new(nameof(FathersWife), "父の妻");

    /// <summary>母の夫.</summary>
    public static Relationship MothersHusband { get; } = new(nameof(MothersHusband), "母の夫");

    /// <summary>伯父.</summary>
    public static Relationship ParentsElderBrother { get; } = new(nameof(ParentsElderBrother), "伯父");

    /// <summary>叔父.</summary>
    public static Relationship ParentsYoungerBrother { get; } = new(nameof(ParentsYoungerBrother), "叔父");

    /// <summary>伯母.</summary>
    public static Relationship ParentsElderSister { get; } = new(nameof(ParentsElderSister), "伯母");

    /// <summary>叔母.</summary>
    public static Relationship ParentsYoungerSister { get; } = new(nameof(ParentsYoungerSister), "叔母");

    /// <summary>甥.</summary>
    public static Relationship Nephew { get; } = new(nameof(Nephew), "甥");

    /// <summary>姪.</summary>
    public static Relationship Niece { get; } = new(nameof(Niece), "姪");

    /// <summary>妻の子.</summary>
    public static Relationship WifesChild { get; } = new(nameof(WifesChild), "妻の子");

    /// <summary>夫の子.</summary>
    public static Relationship HusbandsChild { get; } = new(nameof(HusbandsChild), "夫の子");

    /// <summary>未届の妻.</summary>
    public static Relationship CommonLawWife { get; } = new(nameof(CommonLawWife), "未届の妻");

    /// <summary>未届の夫.</summary>
    public static Relationship CommonLawHusband { get; } = new(nameof(CommonLawHusband), "未届の夫");

    /// <summary>縁故者.</summary>
    public static Relationship Relative { get; } = new(nameof(Relative), "縁故者");

    /// <summary>同居人.</summary>
    public static Relationship Lodger { get; } = new(nameof(Lodger), "同居人");

    /// <summary>Every value.</summary>
    public static IReadOnlyList<Relationship> All { get; } = [HouseholdHead, Wife, Husband, Child, ChildsWife, ChildsHusband, Grandchild, GrandchildsWife, GrandchildsHusband, GreatGrandchild, Father, Mother, Grandfather, Grandmother, ElderBrother, ElderSister, YoungerBrother, YoungerSister, ElderBrothersWife, YoungerBrothersWife, ElderSistersHusband, YoungerSistersHusband, WifesFather, WifesMother, HusbandsFather, HusbandsMother, FathersWife, MothersHusband, ParentsElderBrother, ParentsYoungerBrother, ParentsElderSister, ParentsYoungerSister, Nephew, Niece, WifesChild, HusbandsChild, CommonLawWife, CommonLawHusband, Relative, Lodger];

    // After the values: static initializers run in text order.
    private static readonly FrozenDictionary<string, Relationship> Aliases = BuildAliases();

    /// <summary>The English name used in code and schemas (e.g. ChildsWife).</summary>
    public string Name { get; }

    /// <summary>The Japanese label as 住民票 writes it (e.g. 子の妻).</summary>
    public string Label { get; }

    /// <summary>True for 世帯主.</summary>
    public bool IsHouseholdHead => this == HouseholdHead;

    /// <summary>Parses a label or name; throws <see cref="FormatException"/> listing the values.</summary>
    public static Relationship Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new FormatException(e);

    /// <summary>Parses a label or name; <paramref name="error"/> lists the values.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Relationship value, [NotNullWhen(false)] out string? error) =>
        VocabularyText.TryFind(text, All, v => (v.Name, v.Name, v.Label), "続柄", out value, out error, Aliases);

    /// <summary>The Japanese label.</summary>
    public override string ToString() => Label ?? string.Empty;

    private static FrozenDictionary<string, Relationship> BuildAliases()
    {
        var aliases = new Dictionary<string, Relationship>
        {
            ["妻(未届)"] = CommonLawWife,
            ["夫(未届)"] = CommonLawHusband,
            ["養子"] = Child,
            ["養女"] = Child,
            ["曽孫"] = GreatGrandchild,
        };
        string[] orders = ["長", "二", "次", "三", "四", "五", "六", "七", "八", "九", "十"];
        foreach (var order in orders)
        {
            aliases[order + "男"] = Child;
            aliases[order + "女"] = Child;
        }

        return aliases.ToFrozenDictionary();
    }
}
