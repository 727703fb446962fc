using Hub.Sync.Writing;

namespace Hub.Sync.Tests.Writing;

/// <summary>Stored hashes depend on the hash's text form: the unboxed builder must give exactly the reference form's hash.</summary>
public sealed class ContentHashTests
{
    public static TheoryData<string?, long?, int?, bool?, DateOnly?, DateTime?> Values => new()
    {
        { "山田　太郎", 3_000_000L, 2025, true, new DateOnly(2025, 4, 1), new DateTime(2025, 3, 31, 15, 0, 0, DateTimeKind.Utc) },
        { null, null, null, null, null, null },
        { string.Empty, -1L, 0, false, DateOnly.MinValue, new DateTime(2026, 11, 23, 9, 7, 56, 123, DateTimeKind.Utc).AddTicks(4567) },
        { new string('ア', 3000), long.MaxValue, int.MinValue, true, DateOnly.MaxValue, DateTime.MaxValue },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Builder_GivesTheReferenceHash(string? text, long? number, int? small, bool? flag, DateOnly? day, DateTime? instant)
    {
        var expected = ContentHash.Of(text, number, small, flag, day, instant, text);

        var actual = ContentHash.Begin().Add(text).Add(number).Add(small).Add(flag).Add(day).Add(instant).Add(text).Finish();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Builder_ReusedOnOneThread_StartsAfresh()
    {
        var first = ContentHash.Begin().Add("a").Add(1L).Finish();
        ContentHash.Begin().Add(new string('x', 10_000)).Finish();

        Assert.Equal(first, ContentHash.Begin().Add("a").Add(1L).Finish());
        Assert.Equal(ContentHash.Of("a", 1L), first);
    }
}
