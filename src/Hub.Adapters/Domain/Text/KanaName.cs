using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Text;

/// <summary>
/// 氏名カナ (よみがな): a name's reading. Accepts full-width katakana, hiragana, ー, ・ (foreign names),
/// voiced marks and spaces, and the half-width katakana legacy systems export (ﾔﾏﾀﾞ ﾀﾛｳ), which the
/// <see cref="SearchKey"/> folds. The original is kept exactly.
/// </summary>
public sealed record KanaName
{
    private KanaName(string original)
    {
        Original = original;
        SearchKey = Text.SearchKey.Normalize(original);
    }

    /// <summary>The reading exactly as given.</summary>
    public string Original { get; }

    /// <summary>The reading as full-width katakana without spaces (<see cref="Text.SearchKey.Normalize"/>).</summary>
    public string SearchKey { get; }

    /// <summary>Parses a reading; throws <see cref="FormatException"/> naming the first character that is not kana.</summary>
    public static KanaName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>Parses a reading without throwing; <paramref name="error"/> names the first character that is not kana.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out KanaName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "氏名カナ: empty";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!IsReadingChar(text[i]))
            {
                var pair = i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]);
                var codePoint = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
                error = $"氏名カナ 「{text}」: 「{text.Substring(i, pair ? 2 : 1)}」 (U+{codePoint:X4}) at position {i + 1} is not kana";
                return false;
            }
        }

        error = null;
        name = new KanaName(text);
        return true;
    }

    /// <summary>The original reading.</summary>
    public override string ToString() => Original;

    private static bool IsReadingChar(char c) =>
        c is >= '\u3041' and <= '\u3096' // hiragana
            or >= '\u3099' and <= '\u309E' // voiced marks, ゝ ゞ
            or >= '\u30A1' and <= '\u30FE' // katakana, ・ ー ヽ ヾ
            or >= '\uFF65' and <= '\uFF9F' // half-width katakana, ･ ｰ ﾞ ﾟ
            or ' ' or '\u3000';
}
