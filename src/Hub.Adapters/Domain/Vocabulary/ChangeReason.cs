using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>
/// 異動事由: why a resident record changed, in three groups (<see cref="ChangeReasonGroup"/>): 記載
/// (entry: 転入, 出生 …), 消除 (removal: 転出, 死亡 …; it ends the record's validity, nothing is deleted)
/// and 修正 (correction: 転居, 世帯分離 …). Parsed from the Japanese label or the English name.
/// </summary>
public readonly record struct ChangeReason
{
    private ChangeReason(string name, string label, ChangeReasonGroup group) => (Name, Label, Group) = (name, label, group);

    /// <summary>転入 (記載).</summary>
    public static ChangeReason MoveIn { get; } = new(nameof(MoveIn), "転入", ChangeReasonGroup.Entry);

    /// <summary>出生 (記載).</summary>
    public static ChangeReason Birth { get; } = new(nameof(Birth), "出生", ChangeReasonGroup.Entry);

    /// <summary>職権記載 (記載).</summary>
    public static ChangeReason OfficialEntry { get; } = new(nameof(OfficialEntry), "職権記載", ChangeReasonGroup.Entry);

    /// <summary>国籍取得 (記載).</summary>
    public static ChangeReason NationalityAcquired { get; } = new(nameof(NationalityAcquired), "国籍取得", ChangeReasonGroup.Entry);

    /// <summary>帰化 (記載).</summary>
    public static ChangeReason Naturalization { get; } = new(nameof(Naturalization), "帰化", ChangeReasonGroup.Entry);

    /// <summary>転出 (消除).</summary>
    public static ChangeReason MoveOut { get; } = new(nameof(MoveOut), "転出", ChangeReasonGroup.Removal);

    /// <summary>死亡 (消除).</summary>
    public static ChangeReason Death { get; } = new(nameof(Death), "死亡", ChangeReasonGroup.Removal);

    /// <summary>職権消除 (消除).</summary>
    public static ChangeReason OfficialRemoval { get; } = new(nameof(OfficialRemoval), "職権消除", ChangeReasonGroup.Removal);

    /// <summary>国籍喪失 (消除).</summary>
    public static ChangeReason NationalityLost { get; } = new(nameof(NationalityLost), "国籍喪失", ChangeReasonGroup.Removal);

    /// <summary>国外転出 (消除).</summary>
    public static ChangeReason MoveAbroad { get; } = new(nameof(MoveAbroad), "国外転出", ChangeReasonGroup.Removal);

    /// <summary>転居 (修正).</summary>
    public static ChangeReason MoveWithin { get; } = new(nameof(MoveWithin), "転居", ChangeReasonGroup.Correction);

    /// <summary>世帯分離 (修正).</summary>
    public static ChangeReason HouseholdSplit { get; } = new(nameof(HouseholdSplit), "世帯分離", ChangeReasonGroup.Correction);

    /// <summary>世帯合併 (修正).</summary>
    public static ChangeReason HouseholdMerge { get; } = new(nameof(HouseholdMerge), "世帯合併", ChangeReasonGroup.Correction);

    /// <summary>世帯主変更 (修正).</summary>
    public static ChangeReason HouseholdHeadChange { get; } = new(nameof(HouseholdHeadChange), "世帯主変更", ChangeReasonGroup.Correction);

    /// <summary>続柄変更 (修正).</summary>
    public static ChangeReason RelationshipChange { get; } = new(nameof(RelationshipChange), "続柄変更", ChangeReasonGroup.Correction);

    /// <summary>個人番号変更 (修正).</summary>
    public static ChangeReason MyNumberChange { get; } = new(nameof(MyNumberChange), "個人番号変更", ChangeReasonGroup.Correction);

    /// <summary>氏名変更 (修正).</summary>
    public static ChangeReason NameChange { get; } = new(nameof(NameChange), "氏名変更", ChangeReasonGroup.Correction);

    /// <summary>職権修正 (修正).</summary>
    public static ChangeReason OfficialCorrection { get; } = new(nameof(OfficialCorrection), "職権修正", ChangeReasonGroup.Correction);

    /// <summary>Every value, entries first, then removals, then corrections.</summary>
    public static IReadOnlyList<ChangeReason> All { get; } = [MoveIn, Birth, OfficialEntry, NationalityAcquired, Naturalization, MoveOut, Death, OfficialRemoval, NationalityLost, MoveAbroad, MoveWithin, HouseholdSplit, HouseholdMerge, HouseholdHeadChange, RelationshipChange, MyNumberChange, NameChange, OfficialCorrection];

    /// <summary>The English name used in code and schemas (e.g. MoveIn).</summary>
    public string Name { get; }

    /// <summary>The Japanese label (e.g. 転入).</summary>
    public string Label { get; }

    /// <summary>記載, 消除 or 修正.</summary>
    public ChangeReasonGroup Group { get; }

    /// <summary>True for a 消除: the record's validity ends.</summary>
    public bool EndsValidity => Group == ChangeReasonGroup.Removal;

    /// <summary>Parses a label or name; throws <see cref="FormatException"/> listing the values.</summary>
    public static ChangeReason Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new FormatException(e);

    /// <summary>Parses a label or name; <paramref name="error"/> lists the values.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ChangeReason value, [NotNullWhen(false)] out string? error) =>
        VocabularyText.TryFind(text, All, v => (v.Name, v.Name, v.Label), "異動事由", out value, out error);

    /// <summary>The Japanese label.</summary>
    public override string ToString() => Label ?? string.Empty;
}
