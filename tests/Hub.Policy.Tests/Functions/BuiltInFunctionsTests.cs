using Hub.Policy.Functions;
using Hub.Policy.Matchers;

namespace Hub.Policy.Tests.Functions;

public sealed class BuiltInFunctionsTests
{
    [Theory]
    [InlineData("/foo/bar", "/foo/*", true)]
    [InlineData("/foo", "/foo/*", false)]
    [InlineData("tax.taxableIncome", "tax.*", true)]
    [InlineData("taxes.x", "tax.*", false)]
    [InlineData("resident.name", "resident.name", true)]
    public void KeyMatch_Patterns_MatchAsGo(string key, string pattern, bool expected) => Assert.Equal(expected, BuiltInFunctions.KeyMatch(key, pattern));

    [Theory]
    [InlineData("/alice_data/resource1", "/alice_data/:resource", true)]
    [InlineData("/alice_data/a/b", "/alice_data/:resource", false)]
    [InlineData("/proxy/myid/res/x", "/proxy/:id/*", true)]
    public void KeyMatch2_Patterns_MatchAsGo(string key, string pattern, bool expected) => Assert.Equal(expected, BuiltInFunctions.KeyMatch2(key, pattern));

    [Theory]
    [InlineData("/parent/123/child/123", "/parent/{id}/child/{id}", true)]
    [InlineData("/parent/123/child/456", "/parent/{id}/child/{id}", false)]
    public void KeyMatch4_RepeatedParameter_MustAgree(string key, string pattern, bool expected) => Assert.Equal(expected, BuiltInFunctions.KeyMatch4(key, pattern));

    [Fact]
    public void KeyMatch5_QueryString_Ignored() => Assert.True(BuiltInFunctions.KeyMatch5("/foo/bar?status=1", "/foo/{id}"));

    [Fact]
    public void KeyGet2AndKeyGet3_NamedParameter_ReturnsValue()
    {
        Assert.Equal("alice", BuiltInFunctions.KeyGet2("/resource/alice", "/resource/:name", "name"));
        Assert.Equal("", BuiltInFunctions.KeyGet2("/resource/alice", "/resource/:name", "other"));
        Assert.Equal("7", BuiltInFunctions.KeyGet3("/api/v7/x", "/api/v{version}/x", "version"));
    }

    [Theory]
    [InlineData("/foo/", "/foo/*", true)]
    [InlineData("/foo/a/b", "/foo/*", false)]
    [InlineData("/foo/a/b", "/foo/**", true)]
    [InlineData("/prefix/foo/", "/*/foo/*", true)]
    [InlineData("cat.json", "*.{json,yaml}", true)]
    public void GlobMatch_Doublestar_MatchesAsGo(string key, string pattern, bool expected) => Assert.Equal(expected, BuiltInFunctions.GlobMatch(key, pattern));

    [Fact]
    public void IpMatch_CidrAndExact_AndRejectsNonAddress()
    {
        Assert.True(BuiltInFunctions.IpMatch("192.168.2.123", "192.168.2.0/24"));
        Assert.False(BuiltInFunctions.IpMatch("192.168.3.1", "192.168.2.0/24"));
        Assert.True(BuiltInFunctions.IpMatch("10.0.0.1", "10.0.0.1"));
        Assert.Throws<MatcherEvaluationException>(() => BuiltInFunctions.IpMatch("alice", "10.0.0.0/8"));
    }
}
