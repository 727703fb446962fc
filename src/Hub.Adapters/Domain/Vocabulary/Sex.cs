using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>性別: the 住民記録 codes 1 男, 2 女, 9 不明.</summary>
public readonly record struct Sex
{
    private Sex(string code, string label, string name) => (Code, Label, Name) = (code, label, name);

    /// <summary>男 (1).</summary>
    public static Sex Male { get; } = new("1", "男", nameof(Male));

    /// <summary>女 (2).</summary>
    public static Sex Female { get; } = new("2", "女", nameof(Female));

    /// <summary>不明 (9).</summary>
    public static Sex Unknown { get; } = new("9", "不明", nameof(Unknown));

    /// <summary>Every value, in code order.</summary>
    public static IReadOnlyList<Sex> All { get; } = [Male, Female, Unknown];

    /// <summary>The 住民記録 code.</summary>
    public string Code { get; }

    /// <summary>The Japanese label.</summary>
    public string Label { get; }

    /// <summary>The English name used in code and schemas.</summary>
    public string Name { get; }

    /// <summary>Parses a code (1, 2, 9), a label (男, 女, 不明) or a name; throws <see cref="FormatException"/> listing the values.</summary>
    public static Sex Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new FormatException(e);

    /// <summary>Parses a code, a label or a name; <paramref name="error"/> lists the values.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Sex value, [NotNullWhen(false)] out string? error) =>
        VocabularyText.TryFind(text, All, v => (v.Code, v.Name, v.Label), "性別", out value, out error);

    /// <summary>The Japanese label.</summary>
    public override string ToString() => Label ?? string.Empty;
}
