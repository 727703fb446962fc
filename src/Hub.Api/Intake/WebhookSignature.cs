using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Api.Intake;

/// <summary>
/// The webhook's signature: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of <c>{timestamp}.{body}</c> with the
/// shared secret, where <c>X-Hub-Timestamp</c> carries the timestamp (Unix seconds). A receiver recomputes it, compares in
/// constant time and refuses an old timestamp (replay).
/// </summary>
public static class WebhookSignature
{
    /// <summary>The signature header.</summary>
    public const string Header = "X-Hub-Signature-256";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Hub-Timestamp";

    /// <summary>The delivery id header (the same on a retry).</summary>
    public const string DeliveryHeader = "X-Hub-Delivery";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        byte[] message = [.. prefix, .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether <paramref name="signature"/> is the one of <paramref name="body"/> at <paramref name="timestamp"/> (constant time).</summary>
    public static bool Verify(string secret, long timestamp, byte[] body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature ?? string.Empty));
}
