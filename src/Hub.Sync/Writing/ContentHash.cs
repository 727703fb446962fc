using System.Security.Cryptography;
using System.Text;

namespace Hub.Sync.Writing;

/// <summary>A stable hash of a record's canonical values: equal hashes mean nothing to rewrite.</summary>
internal static class ContentHash
{
    public static string Of(params object?[] values)
    {
        var sb = new StringBuilder(256);
        foreach (var v in values)
        {
            sb.Append(v switch
            {
                null => "\u0000",
                DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString(),
            });
            sb.Append('\u001F');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())), 0, 16);
    }
}
