using System.Globalization;
using System.Text;

namespace Hub.Capabilities.PushTargets;

/// <summary>Opaque keyset cursors (<c>after</c>): base64 of the row id.</summary>
public static class PushTargetCursor
{
    private const string Prefix = "pt:";

    /// <summary>The cursor of row <paramref name="id"/>.</summary>
    public static string Encode(long id) => Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The row id of <paramref name="cursor"/>; throws <see cref="ArgumentException"/> for one this service did not give
    /// out. The message never quotes the cursor: a caller's value may hold anything, a My Number or an address included.
    /// </summary>
    public static long Decode(string cursor) =>
        TryDecode(cursor) ?? throw new ArgumentException($"Not a push-target cursor ({cursor.Length} characters).", nameof(cursor));

    /// <summary>The row id of <paramref name="cursor"/>, or null for one this service did not give out.</summary>
    public static long? TryDecode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Length > 64)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[48];
        if (!Convert.TryFromBase64String(cursor, bytes, out var written))
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(bytes[..written]);
        return text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id >= 0
            ? id
            : null;
    }
}
