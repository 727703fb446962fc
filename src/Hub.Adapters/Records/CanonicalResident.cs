using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Records;

/// <summary>住民: a resident as the resident registry (住民記録) holds them, in canonical form.</summary>
public sealed record CanonicalResident : CanonicalRecord
{
    /// <inheritdoc />
    public override string SourceKey => AtenaNumber.Value;

    /// <summary>宛名番号.</summary>
    public required AtenaNumber AtenaNumber { get; init; }

    /// <summary>世帯番号.</summary>
    public HouseholdNumber? HouseholdNumber { get; init; }

    /// <summary>住民票コード.</summary>
    public JuminhyoCode? JuminhyoCode { get; init; }

    /// <summary>個人番号.</summary>
    public MyNumber? MyNumber { get; init; }

    /// <summary>住民種別.</summary>
    public required ResidentKind ResidentKind { get; init; }

    /// <summary>氏名 (original characters kept).</summary>
    public required PersonName Name { get; init; }

    /// <summary>氏名カナ.</summary>
    public KanaName? NameKana { get; init; }

    /// <summary>通称.</summary>
    public PersonName? Alias { get; init; }

    /// <summary>通称カナ.</summary>
    public KanaName? AliasKana { get; init; }

    /// <summary>国籍・地域.</summary>
    public string? Nationality { get; init; }

    /// <summary>性別.</summary>
    public required Sex Sex { get; init; }

    /// <summary>生年月日 as the source holds it.</summary>
    public JapaneseEraDate? BirthDate { get; init; }

    /// <summary>続柄.</summary>
    public Relationship? Relationship { get; init; }

    /// <summary>世帯主の宛名番号.</summary>
    public AtenaNumber? HouseholdHeadAtenaNumber { get; init; }

    /// <summary>郵便番号.</summary>
    public string? PostalCode { get; init; }

    /// <summary>町字コード.</summary>
    public string? AreaCode { get; init; }

    /// <summary>住所.</summary>
    public string? Address { get; init; }

    /// <summary>方書.</summary>
    public string? AddressSupplement { get; init; }

    /// <summary>True when the resident has been removed (消除).</summary>
    public required bool IsRemoved { get; init; }

    /// <summary>異動事由 of the last change.</summary>
    public ChangeReason? ChangeReason { get; init; }

    /// <summary>異動日.</summary>
    public DateOnly? ChangeDate { get; init; }

    /// <summary>届出日.</summary>
    public DateOnly? NotifiedOn { get; init; }

    /// <summary>前住所.</summary>
    public string? PreviousAddress { get; init; }
}
