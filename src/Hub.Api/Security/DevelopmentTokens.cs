using System.Security.Cryptography;

namespace Hub.Api.Security;

/// <summary>
/// Tokens signed with the fixed development key, for the demo, <c>hub token</c> and tests. The server accepts
/// them only in Development: outside it the development key is refused at startup.
/// </summary>
public static class DevelopmentTokens
{
    // Public on purpose: it is in the repository, so it protects nothing and must never be trusted outside Development.
    private const string DevelopmentKeyBase64 = "bXVuaWNpcGFsaHViLWRldmVsb3BtZW50LWtleS1ub3QtYS1zZWNyZXQhIQ==";

    /// <summary>
    /// Issues a development token for the default issuer and audience (<c>municipalhub-dev</c>, <c>municipalhub</c>).
    /// With <paramref name="atenaNumber"/> it is a resident principal (claim <c>atena</c>, role <c>resident</c>) signed in as
    /// <paramref name="acr"/> says (claim <c>acr</c>; default <c>jpki</c>, the My Number card).
    /// </summary>
    /// <param name="userId">The <c>sub</c> claim: staff user id, or the resident principal's id.</param>
    /// <param name="roles">The <c>roles</c> claim.</param>
    /// <param name="lifetime">How long the token is valid.</param>
    /// <param name="atenaNumber">宛名番号 of a resident principal; null for staff.</param>
    /// <param name="acr">A resident's sign-in: <c>jpki</c> (default), <c>password</c>, or <c>none</c> for no claim.</param>
    public static string Issue(string userId, IReadOnlyList<string> roles, TimeSpan lifetime, string? atenaNumber = null, string? acr = "jpki") =>
        Issue(userId, roles, lifetime, atenaNumber, new HubAuthOptions(), clientId: null, TimeProvider.System, atenaNumber is null || acr == "none" ? null : acr);

    /// <summary>Issues a development token for the issuer and audience of <paramref name="options"/>.</summary>
    internal static string Issue(
        string userId,
        IReadOnlyList<string> roles,
        TimeSpan lifetime,
        string? atenaNumber,
        HubAuthOptions options,
        string? clientId,
        TimeProvider time,
        string? acr = null) =>
        HubTokenIssuer.Issue(DevelopmentKey(), options.Issuer, options.Audience, userId, roles, lifetime, atenaNumber, clientId, time, acr);

    /// <summary>The development key's bytes (a fresh copy).</summary>
    internal static byte[] DevelopmentKey() => Convert.FromBase64String(DevelopmentKeyBase64);

    /// <summary>True when <paramref name="key"/> is the development key.</summary>
    internal static bool IsDevelopmentKey(byte[] key) => CryptographicOperations.FixedTimeEquals(key, DevelopmentKey());
}
