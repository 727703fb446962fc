using System.Globalization;
using System.Text;

namespace Hub.Api.PushTargets;

/// <summary>Opaque keyset cursors (<c>after</c>): base64 of the row id.</summary>
public static class PushTargetCursor
{
    private const string Prefix = "pt:";

    /// <summary>The cursor of row <paramref name="id"/>.</summary>
    public static string Encode(long id) => Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The row id of <paramref name="cursor"/>; throws <see cref="ArgumentException"/> for one this service did not give out.</summary>
    public static long Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return id;
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException($"'{cursor}' is not a push-target cursor.", nameof(cursor));
    }
}
