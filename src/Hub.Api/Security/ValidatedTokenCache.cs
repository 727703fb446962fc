using System.Globalization;
using System.Security.Claims;
using Hub.Api.Caching;

namespace Hub.Api.Security;

/// <summary>
/// Bearer tokens that passed validation (signature, issuer, audience, lifetime) and the principal they carry, by the
/// exact <c>Authorization</c> header, so a client sending the same token on every request has its signature checked
/// once, not every time. Only a token the JWT handler accepted is kept; a refused one is validated anew each time.
/// An entry is used only before the token's <c>exp</c> (no clock skew granted) and for at most <see cref="MaxAge"/> after
/// its validation: an expired token goes back to the handler, which refuses it, and a check added to validation later
/// (a revocation list) applies within <see cref="MaxAge"/>. Bounded: past <see cref="MaxEntries"/> tokens the one used
/// least recently is dropped.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time)
{
    /// <summary>The most tokens kept.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The longest header kept (characters); longer ones are validated every time.</summary>
    public const int MaxHeaderLength = 8_192;

    /// <summary>How long a validated token is trusted without validating it again: 1 minute.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly LruCache<string, Entry> _tokens = new(MaxEntries, StringComparer.Ordinal);

    /// <summary>How many tokens are kept (for tests and diagnostics).</summary>
    public int Count => _tokens.Count;

    /// <summary>The principal of <paramref name="authorization"/> when it was validated before and is still within its lifetime.</summary>
    public ClaimsPrincipal? Find(string? authorization)
    {
        if (authorization is null || !_tokens.TryGet(authorization, out var entry))
        {
            return null;
        }

        if (time.GetUtcNow() < entry.Until)
        {
            return entry.Principal;
        }

        _tokens.Remove(authorization);
        return null;
    }

    /// <summary>Keeps <paramref name="principal"/>, which the JWT handler has just validated from <paramref name="authorization"/>.</summary>
    public void Add(string? authorization, ClaimsPrincipal principal)
    {
        if (authorization is null || authorization.Length > MaxHeaderLength
            || principal.FindFirst(HubClaimTypes.Expires)?.Value is not { } exp
            || !long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return;
        }

        var until = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var now = time.GetUtcNow();
        if (until > now + MaxAge)
        {
            until = now + MaxAge;
        }

        if (until > now)
        {
            _tokens.Set(authorization, new Entry(principal, until));
        }
    }

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);
}
