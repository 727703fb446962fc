namespace Hub.Adapters.Domain.Text;

/// <summary>Character classes that names and 外字 mapping look for.</summary>
internal static class TextScan
{
    public static bool IsPrivateUse(int codePoint) =>
        codePoint is >= 0xE000 and <= 0xF8FF or >= 0xF0000 and <= 0xFFFFD or >= 0x100000 and <= 0x10FFFD;

    public static bool IsIvs(int codePoint) => codePoint is >= 0xE0100 and <= 0xE01EF;

    public static bool IsHalfWidthKana(char c) => c is >= '\uFF61' and <= '\uFF9F';

    /// <summary>Code points of <paramref name="text"/> with their UTF-16 index; a lone surrogate is returned as itself.</summary>
    public static IEnumerable<(int Index, int CodePoint, int Length)> CodePoints(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                yield return (i, char.ConvertToUtf32(text[i], text[i + 1]), 2);
                i++;
            }
            else
            {
                yield return (i, text[i], 1);
            }
        }
    }
}
