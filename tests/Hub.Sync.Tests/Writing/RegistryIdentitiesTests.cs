using Hub.Sync.Writing;

namespace Hub.Sync.Tests.Writing;

public sealed class RegistryIdentitiesTests
{
    [Fact]
    public void Encode_KeepsLeadingZerosApart()
    {
        Assert.True(RegistryIdentities.TryEncode("0123", out var a));
        Assert.True(RegistryIdentities.TryEncode("123", out var b));
        Assert.True(RegistryIdentities.TryEncode("999999999999999", out var c));
        Assert.True(RegistryIdentities.TryEncode("000000000000000", out var d));

        Assert.Equal(4, new HashSet<long> { a, b, c, d }.Count);
        Assert.False(RegistryIdentities.TryEncode("1234567890123456", out _));
        Assert.False(RegistryIdentities.TryEncode("12A4", out _));
        Assert.False(RegistryIdentities.TryEncode(string.Empty, out _));
    }
}
