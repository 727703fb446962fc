namespace Hub.Api.Security;

/// <summary>
/// Configuration section <c>Hub:Auth</c>: how bearer tokens (JWT, HMAC-SHA256) are validated.
/// Environment variables <c>Hub__Auth__Issuer</c> and so on override it.
/// </summary>
public sealed class HubAuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Auth";

    /// <summary>Default issuer: <c>municipalhub-dev</c>.</summary>
    public const string DefaultIssuer = "municipalhub-dev";

    /// <summary>Default audience: <c>municipalhub</c>.</summary>
    public const string DefaultAudience = "municipalhub";

    /// <summary>Smallest signing key accepted, in bytes (HMAC-SHA256 wants 256 bits).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Expected <c>iss</c> of tokens. Default <c>municipalhub-dev</c>.</summary>
    public string Issuer { get; set; } = DefaultIssuer;

    /// <summary>Expected <c>aud</c> of tokens. Default <c>municipalhub</c>.</summary>
    public string Audience { get; set; } = DefaultAudience;

    /// <summary>
    /// Symmetric signing key, base64, at least 32 bytes. Default: none; in Development the fixed development key
    /// is used instead, and outside Development a key is required and the development key is refused.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Allowed clock difference when checking token lifetimes. Default 1 minute.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with these options for the given environment, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate(bool isDevelopment, string environmentName)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Issuer))
        {
            problems.Add($"Setting {SectionName}:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            problems.Add($"Setting {SectionName}:Audience must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            if (!isDevelopment)
            {
                problems.Add(
                    $"Setting {SectionName}:SigningKey is required in environment '{environmentName}': the development signing key is refused outside Development. " +
                    $"Configure a random base64 key of at least {MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`).");
            }
        }
        else if (!TryDecodeKey(SigningKey, out var key) || key.Length < MinimumKeyBytes)
        {
            problems.Add($"Setting {SectionName}:SigningKey must be base64 of at least {MinimumKeyBytes} bytes.");
        }
        else if (!isDevelopment && DevelopmentTokens.IsDevelopmentKey(key))
        {
            problems.Add(
                $"Setting {SectionName}:SigningKey holds the development signing key, which is refused outside Development (environment '{environmentName}'). Configure a key of your own.");
        }

        return problems;
    }

    /// <summary>The key bytes to validate with: the configured key, or the development key when none is configured.</summary>
    internal byte[] EffectiveKey() =>
        string.IsNullOrWhiteSpace(SigningKey) ? DevelopmentTokens.DevelopmentKey() : Convert.FromBase64String(SigningKey);

    private static bool TryDecodeKey(string text, out byte[] key)
    {
        try
        {
            key = Convert.FromBase64String(text.Trim());
            return true;
        }
        catch (FormatException)
        {
            key = [];
            return false;
        }
    }
}
