using System.Text;

namespace Hub.Adapters.Layouts;

/// <summary>
/// The encodings core-system exports come in, by their layout names, with strict decoding: a byte
/// sequence that is not valid in the encoding throws rather than turning into U+FFFD or '?'.
/// </summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Names a layout may give (<c>utf-8</c>, <c>utf-8-bom</c>, <c>shift_jis</c>, <c>cp932</c>, <c>euc-jp</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["utf-8", "utf-8-bom", "shift_jis", "cp932", "euc-jp"];

    /// <summary>
    /// The strict encoding for <paramref name="name"/>, or null when the name is unknown. shift_jis means
    /// Windows code page 932 (CP932), whose user-defined area 0xF040–0xF9FC decodes to U+E000–U+E757 (外字).
    /// </summary>
    public static Encoding? Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" or "UTF-8-BOM" => new UTF8Encoding(false, throwOnInvalidBytes: true),
            "SHIFT_JIS" or "SHIFT-JIS" or "CP932" or "WINDOWS-31J" => Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            "EUC-JP" or "EUCJP" => Encoding.GetEncoding(51932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            _ => null,
        };
    }

    /// <summary>Decodes strictly; null when <paramref name="bytes"/> are not valid in <paramref name="encoding"/>.</summary>
    /// <remarks>
    /// Text in single-byte characters, as most fields of a legacy record are (digits, codes, ｶﾅ), is decoded
    /// without the encoding's decoder: ASCII is itself in UTF-8, CP932 and EUC-JP, and CP932's single-byte
    /// half-width katakana 0xA1–0xDF are U+FF61–U+FF9F.
    /// </remarks>
    public static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        if (encoding.CodePage is 65001 or 932 or 51932 && System.Text.Ascii.IsValid(bytes))
        {
            return Encoding.ASCII.GetString(bytes);
        }

        if (encoding.CodePage == 932 && IsSingleByteCp932(bytes))
        {
            return string.Create(bytes.Length, bytes, static (chars, b) =>
            {
                for (var i = 0; i < b.Length; i++)
                {
                    chars[i] = b[i] < 0x80 ? (char)b[i] : (char)(0xFF61 + (b[i] - 0xA1));
                }
            });
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsSingleByteCp932(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80 && b is < 0xA1 or > 0xDF)
            {
                return false;
            }
        }

        return true;
    }
}
