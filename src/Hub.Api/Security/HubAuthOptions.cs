namespace Hub.Api.Security;

/// <summary>
/// Configuration section <c>Hub:Auth</c>: how bearer tokens (JWT) are validated. Either by the city's OpenID Connect
/// provider (<see cref="Authority"/> or <see cref="MetadataAddress"/>: its signing keys from its JWKS, refreshed on a
/// schedule and when a token names a key not seen yet), or by a shared HMAC-SHA256 key (<see cref="SigningKey"/>; the
/// development key in Development). Environment variables <c>Hub__Auth__Authority</c> and so on override it.
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

    /// <summary>
    /// The OpenID Connect provider (issuer URL): its metadata is read from <c>{Authority}/.well-known/openid-configuration</c>,
    /// and tokens must carry its <c>issuer</c>. Default: none (shared-key tokens).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The provider's metadata document, where it is not under <see cref="Authority"/>. Default: none.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Refuse metadata and keys fetched over plain HTTP. Default <c>true</c>; only Development may set <c>false</c>.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often the provider's metadata and keys are fetched again on schedule. Default 1 hour.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time between two fetches asked for by a token signed with a key not seen yet (key rotation). Default
    /// 5 minutes, so tokens naming unknown keys cannot make the hub hammer the provider.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>True when tokens are validated by an OpenID Connect provider.</summary>
    public bool UsesOpenIdConnect => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);

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

        if (UsesOpenIdConnect)
        {
            ValidateOpenIdConnect(isDevelopment, environmentName, problems);
            return problems;
        }

        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            if (!isDevelopment)
            {
                problems.Add(
                    $"Setting {SectionName}:SigningKey is required in environment '{environmentName}': the development signing key is refused outside Development. " +
                    $"Configure {SectionName}:Authority (the city's OpenID Connect provider) or a random base64 key of at least {MinimumKeyBytes} bytes (e.g. `openssl rand -base64 32`).");
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

    private void ValidateOpenIdConnect(bool isDevelopment, string environmentName, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            problems.Add($"Settings {SectionName}:SigningKey and {SectionName}:Authority (or MetadataAddress) are both set: tokens are validated either by the OpenID Connect provider or by a shared key. Remove one.");
        }

        foreach (var (name, value) in new[] { ("Authority", Authority), ("MetadataAddress", MetadataAddress) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"Setting {SectionName}:{name} must be an absolute http(s) URL.");
            }
            else if (uri.Scheme == Uri.UriSchemeHttp && RequireHttpsMetadata)
            {
                problems.Add($"Setting {SectionName}:{name} uses http: keys fetched over plain HTTP can be forged. Use https (or, in Development only, set {SectionName}:RequireHttpsMetadata to false).");
            }
        }

        if (!RequireHttpsMetadata && !isDevelopment)
        {
            problems.Add($"Setting {SectionName}:RequireHttpsMetadata may be false in Development only (environment '{environmentName}').");
        }

        if (KeyRefreshInterval <= TimeSpan.Zero)
        {
            problems.Add($"Setting {SectionName}:KeyRefreshInterval must be positive (e.g. 01:00:00).");
        }

        if (UnknownKeyRefreshInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"Setting {SectionName}:UnknownKeyRefreshInterval must be at least 1 second (e.g. 00:05:00).");
        }
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
