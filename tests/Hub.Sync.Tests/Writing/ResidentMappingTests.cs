using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Adapters.Records;
using Hub.Sync.Writing;

namespace Hub.Sync.Tests.Writing;

/// <summary>The stored version keeps each name as given and writes its folded search key beside it.</summary>
public sealed class ResidentMappingTests
{
    private static readonly RunStamp Stamp = new(1, "resident-registry", "resident-registry", new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void ToRecord_ResidentWith通称_StoresItsFoldedSearchKey()
    {
        var record = ResidentMapping.ToRecord(Resident() with { Alias = PersonName.From("ＮＡＫＡＭＵＲＡ　蘭") }, Stamp);

        Assert.Equal("ＮＡＫＡＭＵＲＡ　蘭", record.Alias);
        Assert.Equal("NAKAMURA蘭", record.AliasSearchKey);
        Assert.Equal("NGUYENVANLAN", record.NameSearchKey);
    }

    [Fact]
    public void ToRecord_ResidentWithout通称_HasNoAliasKey()
    {
        Assert.Null(ResidentMapping.ToRecord(Resident(), Stamp).AliasSearchKey);
    }

    private static CanonicalResident Resident() => new()
    {
        AtenaNumber = AtenaNumber.FromSerial(1),
        ResidentKind = ResidentKind.Foreign,
        Name = PersonName.From("NGUYEN VAN LAN"),
        Sex = Sex.Female,
        IsRemoved = false,
        SourceTimestamp = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(9)),
    };
}
