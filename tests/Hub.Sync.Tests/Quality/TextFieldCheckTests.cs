using Hub.Adapters.Catalog;
using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Adapters.Records;
using Hub.Sync.Quality;

namespace Hub.Sync.Tests.Quality;

public sealed class TextFieldCheckTests
{
    [Theory]
    [InlineData(typeof(CanonicalResident))]
    [InlineData(typeof(CanonicalTaxAssessment))]
    [InlineData(typeof(CanonicalNhiQualification))]
    [InlineData(typeof(CanonicalChildAllowanceEntitlement))]
    public void PathsOf_EveryCanonicalKind_AreFieldsOfTheCatalog(Type kind)
    {
        var catalog = FieldCatalog.LoadDefault();
        Assert.All(TextFieldCheck.PathsOf(kind), path => Assert.True(catalog.Contains(path), $"{path} is not in the field catalog"));
    }

    [Fact]
    public void PathsOf_Resident_CoverEveryFreeTextField()
    {
        var paths = TextFieldCheck.PathsOf(typeof(CanonicalResident)).ToHashSet();
        string[] expected = ["resident.name", "resident.nameKana", "resident.alias", "resident.aliasKana", "resident.nationality", "resident.birthDate", "resident.postalCode", "resident.areaCode", "resident.address", "resident.addressSupplement", "resident.previousAddress"];
        Assert.Superset(expected.ToHashSet(), paths);
    }

    [Theory]
    [InlineData("\0", "a NUL character (U+0000) at position 3")]
    [InlineData("\uFEFF", "a byte order mark (U+FEFF) at position 3")]
    [InlineData("\uFFFD", "a replacement character (U+FFFD: decoded with the wrong encoding?) at position 3")]
    public void Problem_ForbiddenCharacterInsideAValueType_NamesFieldAndPositionNotValue(string character, string expected)
    {
        var record = Resident() with { Alias = PersonName.From("中村" + character + "蘭") };
        Assert.Equal("resident.alias: contains " + expected, TextFieldCheck.Problem(record));
    }

    [Fact]
    public void Problem_CleanRecordOrNullFields_IsNull()
    {
        Assert.Null(TextFieldCheck.Problem(Resident()));
        Assert.Null(TextFieldCheck.Problem(Resident() with { Address = null, NameKana = null, BirthDate = null }));
    }

    [Fact]
    public void Problem_NulInAPlainString_IsFound()
    {
        Assert.Equal("resident.addressSupplement: contains a NUL character (U+0000) at position 5", TextFieldCheck.Problem(Resident() with { AddressSupplement = "ハイツ北\0" }));
    }

    private static CanonicalResident Resident() => new()
    {
        AtenaNumber = AtenaNumber.FromSerial(1),
        ResidentKind = ResidentKind.Japanese,
        Name = PersonName.From("山田　太郎"),
        NameKana = KanaName.Parse("ヤマダ　タロウ"),
        Sex = Sex.Male,
        BirthDate = JapaneseEraDate.Parse("平成10年2月29日"),
        Address = "東京都みなと市中央一丁目2番3号",
        IsRemoved = false,
        SourceTimestamp = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(9)),
    };
}
