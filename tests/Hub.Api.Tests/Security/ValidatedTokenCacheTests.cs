using System.Globalization;
using System.Security.Claims;
using Hub.Api.Security;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Api.Tests.Security;

/// <summary>Validated tokens are reused only within their lifetime and for at most a minute; nothing else is kept.</summary>
public sealed class ValidatedTokenCacheTests
{
    private const string Header = "Bearer a.b.c";

    [Fact]
    public void Find_BeforeExpiry_ThePrincipalValidatedBefore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        var principal = Principal(time.GetUtcNow().AddSeconds(30));

        cache.Add(Header, principal);

        Assert.Same(principal, cache.Find(Header));
        Assert.Null(cache.Find("Bearer a.b.d"));
    }

    [Fact]
    public void Find_AtOrAfterExpiry_NothingSoTheHandlerValidatesAndRefuses()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        cache.Add(Header, Principal(time.GetUtcNow().AddSeconds(30)));

        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(cache.Find(Header));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Find_AfterMaxAge_NothingEvenForALongLivedToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);
        cache.Add(Header, Principal(time.GetUtcNow().AddHours(8)));

        time.Advance(ValidatedTokenCache.MaxAge);

        Assert.Null(cache.Find(Header));
    }

    [Fact]
    public void Add_ExpiredOrWithoutExpiryOrNoHeader_NotKept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var cache = new ValidatedTokenCache(time);

        cache.Add(Header, Principal(time.GetUtcNow().AddSeconds(-1)));
        cache.Add("Bearer x.y.z", new ClaimsPrincipal(new ClaimsIdentity([new Claim(HubClaimTypes.Subject, "clerk")], "Bearer")));
        cache.Add(null, Principal(time.GetUtcNow().AddMinutes(5)));

        Assert.Equal(0, cache.Count);
        Assert.Null(cache.Find(Header));
        Assert.Null(cache.Find(null));
    }

    private static ClaimsPrincipal Principal(DateTimeOffset expires) => new(new ClaimsIdentity(
        [
            new Claim(HubClaimTypes.Subject, "clerk"),
            new Claim(HubClaimTypes.Expires, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        ],
        "Bearer"));
}
