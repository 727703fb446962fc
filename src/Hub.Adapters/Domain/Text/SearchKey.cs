using System.Collections.Concurrent;
using System.Text;

namespace Hub.Adapters.Domain.Text;

/// <summary>
/// 検索キー: the normalized form of a name or reading that searches and identity matching compare,
/// derived beside the original (which is never changed).
/// </summary>
/// <remarks>
/// <para>Rules, in order, per character:</para>
/// <list type="number">
/// <item>Variation selectors are dropped: IVS (U+E0100–U+E01EF) and U+FE00–U+FE0F, so 葛󠄀 and 葛 match.</item>
/// <item>Spaces are dropped: ASCII, tab, U+3000 (full-width), and every other Unicode white space.</item>
/// <item>Full-width ASCII (U+FF01–U+FF5E) becomes ASCII; ASCII letters become upper case.</item>
/// <item>Half-width katakana (U+FF61–U+FF9F) become full-width; a following ﾞ or ﾟ is composed (ｶﾞ → ガ,
/// ﾊﾟ → パ, ｳﾞ → ヴ); ｰ becomes ー. Combining (U+3099, U+309A) and spacing (゛ ゜) marks compose the same way;
/// a mark with no precomposed form (ア゛, カ゚) is kept as the spacing ゛ or ゜.</item>
/// <item>Hiragana become katakana (か → カ, ゝ → ヽ).</item>
/// <item>ヰ ヱ (ゐ ゑ), kept in old readings, become イ エ. ヂ ヅ and ヴ are kept: they are distinct in readings.</item>
/// <item>Small kana (ァ ィ ゥ ェ ォ ッ ャ ュ ョ ヮ ヵ ヶ) are kept unless <c>foldSmallKana</c> is true, in which case they
/// become their full-size forms: legacy systems that lacked small kana wrote キヨウコ for キョウコ.</item>
/// </list>
/// <para>Kanji, Private Use Area characters and everything else pass through unchanged (a 外字 is mapped by
/// <see cref="GaijiTable"/> first, not here). The key is not meant for display.</para>
/// </remarks>
public static class SearchKey
{
    private const string SmallKana = "ァィゥェォッャュョヮヵヶ";
    private const string LargeKana = "アイウエオツヤユヨワカケ";

    // Half-width katakana U+FF61–U+FF9F in order, as their full-width forms (ﾞ ﾟ as spacing marks).
    private const string HalfToFull =
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

    /// <summary>Normalizes <paramref name="text"/> by the rules above; null gives the empty string.</summary>
    public static string Normalize(string? text, bool foldSmallKana = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // The key is never longer than the text: every rule keeps, drops or composes characters.
        var key = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\uDB40' && i + 1 < text.Length && text[i + 1] is >= '\uDD00' and <= '\uDDEF')
            {
                i++; // IVS selector U+E0100–U+E01EF
                continue;
            }

            if (c is >= '\uFE00' and <= '\uFE0F' || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c is '\u3099' or '\u309A' or '\u309B' or '\u309C' or '\uFF9E' or '\uFF9F')
            {
                AppendVoicedMark(key, ref n, c is '\u3099' or '\u309B' or '\uFF9E');
                continue;
            }

            key[n++] = Fold(c, foldSmallKana);
        }

        // Most keys equal their text (kanji names, katakana readings): then the text itself is the key.
        return key[..n].SequenceEqual(text) ? text : new string(key[..n]);
    }

    private static char Fold(char c, bool foldSmallKana)
    {
        c = c switch
        {
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            >= '\uFF61' and <= '\uFF9D' => HalfToFull[c - 0xFF61],
            >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E' => (char)(c + 0x60),
            _ => c,
        };
        c = c switch
        {
            >= 'a' and <= 'z' => (char)(c - 32),
            'ヰ' => 'イ',
            'ヱ' => 'エ',
            _ => c,
        };
        var small = SmallKana.IndexOf(c, StringComparison.Ordinal);
        return foldSmallKana && small >= 0 ? LargeKana[small] : c;
    }

    private static void AppendVoicedMark(Span<char> key, ref int n, bool dakuten)
    {
        var mark = dakuten ? '\u3099' : '\u309A';
        if (n > 0 && Compose(key[n - 1], mark) is var composed and not '\0')
        {
            key[n - 1] = composed;
            return;
        }

        key[n++] = dakuten ? '゛' : '゜';
    }

    /// <summary>The precomposed form of <paramref name="c"/> with a combining voiced mark (カ + ゙ → ガ), or '\0' when there is none; remembered per character.</summary>
    private static char Compose(char c, char mark)
    {
        if (char.IsSurrogate(c))
        {
            return '\0'; // a lone surrogate composes with nothing (and Normalize would throw on it)
        }

        var slot = (c << 1) | (mark == '\u3099' ? 0 : 1);
        if (!Composed.TryGetValue(slot, out var composed))
        {
            var text = new string([c, mark]).Normalize(NormalizationForm.FormC);
            composed = text.Length == 1 ? text[0] : '\0';
            Composed.TryAdd(slot, composed);
        }

        return composed;
    }

    // At most two entries per UTF-16 code unit, so bounded by construction.
    private static readonly ConcurrentDictionary<int, char> Composed = new();
}
