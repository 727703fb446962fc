using System.Text;

namespace Hub.Demo.City;

/// <summary>Full-width katakana → the half-width katakana legacy hosts wrote (ガ → ｶﾞ); U+3000 → space.</summary>
internal static class HalfWidthKana
{
    private const string Full = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var at = Full.IndexOf(c, StringComparison.Ordinal);
            sb.Append(c switch
            {
                '\u3099' => '\uFF9E',
                '\u309A' => '\uFF9F',
                '\u3000' => ' ',
                _ when at >= 0 => (char)(0xFF61 + at),
                _ => c,
            });
        }

        return sb.ToString();
    }
}
