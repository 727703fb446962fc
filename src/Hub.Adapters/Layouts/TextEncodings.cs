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
    public static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
