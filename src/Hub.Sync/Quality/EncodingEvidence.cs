using System.Text;
using System.Text.Unicode;
using Hub.Adapters.Layouts;

namespace Hub.Sync.Quality;

/// <summary>
/// What the bytes of a run's quarantined rows say about the encoding the source was read in: rows that are not valid
/// UTF-8 (or carry U+FFFD) but decode cleanly as CP932 were most likely a Shift_JIS export read as UTF-8, and rows that
/// are valid UTF-8 but were refused as another encoding the reverse. Looks at the first <see cref="Sample"/> quarantined
/// rows that hold a non-ASCII byte (ASCII reads the same in all of them). One per run; not thread-safe.
/// </summary>
internal sealed class EncodingEvidence
{
    /// <summary>Rows examined at most.</summary>
    public const int Sample = 1_000;

    /// <summary>Share of the examined rows that must point the same way before a hint is given.</summary>
    public const double Agreement = 0.9;

    private static readonly Encoding Cp932 = TextEncodings.Get("cp932")!;
    private static readonly byte[] Replacement = [0xEF, 0xBF, 0xBD];

    private int _examined;
    private int _cp932;
    private int _utf8;

    /// <summary>Notes one quarantined row's bytes as read and the reason it was quarantined.</summary>
    public void Examine(ReadOnlySpan<byte> raw, string reason)
    {
        if (_examined >= Sample || Ascii.IsValid(raw))
        {
            return;
        }

        _examined++;
        var utf8 = Utf8.IsValid(raw);
        if ((!utf8 || raw.IndexOf(Replacement) >= 0) && TextEncodings.TryDecode(Cp932, raw) is not null)
        {
            _cp932++;
        }
        else if (utf8 && reason.Contains("not valid", StringComparison.Ordinal))
        {
            _utf8++;
        }
    }

    /// <summary>A hint naming the likely encoding, or null when the rows do not point one way.</summary>
    public string? Hint =>
        _examined == 0 ? null
        : _cp932 >= Agreement * _examined ? "the file looks like CP932 (Shift_JIS); set its encoding to cp932 in the layout"
        : _utf8 >= Agreement * _examined ? "the file looks like UTF-8; set its encoding to utf-8 in the layout"
        : null;
}
