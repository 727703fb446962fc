using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Vocabulary;

/// <summary>住民種別: 1 日本人, 2 外国人 (foreign residents keep 西暦 dates and may carry a 通称).</summary>
public readonly record struct ResidentKind
{
    private ResidentKind(string code, string label, string name) => (Code, Label, Name) = (code, label, name);

    /// <summary>日本人 (1).</summary>
    public static ResidentKind Japanese { get; } = new("1", "日本人", nameof(Japanese));

    /// <summary>外国人 (2).</summary>
    public static ResidentKind Foreign { get; } = new("2", "外国人", nameof(Foreign));

    /// <summary>Every value, in code order.</summary>
    public static IReadOnlyList<ResidentKind> All { get; } = [Japanese, Foreign];

    /// <summary>The 住民記録 code.</summary>
    public string Code { get; }

    /// <summary>The Japanese label.</summary>
    public string Label { get; }

    /// <summary>The English name used in code and schemas.</summary>
    public string Name { get; }

    /// <summary>Parses a code (1, 2), a label or a name; throws <see cref="FormatException"/> listing the values.</summary>
    public static ResidentKind Parse(string text) => TryParse(text, out var v, out var e) ? v : throw new FormatException(e);

    /// <summary>Parses a code, a label or a name; <paramref name="error"/> lists the values.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ResidentKind value, [NotNullWhen(false)] out string? error) =>
        VocabularyText.TryFind(text, All, v => (v.Code, v.Name, v.Label), "住民種別", out value, out error);

    /// <summary>The Japanese label.</summary>
    public override string ToString() => Label ?? string.Empty;
}
