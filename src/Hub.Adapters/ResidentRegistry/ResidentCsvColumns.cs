namespace Hub.Adapters.ResidentRegistry;

/// <summary>The columns of the demo resident registry export, in order (see <c>schemas/adapters/resident-registry.md</c>).</summary>
internal static class ResidentCsvColumns
{
    // Positions in Names.
    public const int AtenaNumber = 0;
    public const int HouseholdNumber = 1;
    public const int JuminhyoCode = 2;
    public const int MyNumber = 3;
    public const int ResidentKind = 4;
    public const int Name = 5;
    public const int NameKana = 6;
    public const int Alias = 7;
    public const int AliasKana = 8;
    public const int Nationality = 9;
    public const int Sex = 10;
    public const int BirthDate = 11;
    public const int Relationship = 12;
    public const int HouseholdHeadAtena = 13;
    public const int PostalCode = 14;
    public const int AreaCode = 15;
    public const int Address = 16;
    public const int AddressSupplement = 17;
    public const int Status = 18;
    public const int ChangeReason = 19;
    public const int ChangeDate = 20;
    public const int NotifiedOn = 21;
    public const int PreviousAddress = 22;
    public const int UpdatedAt = 23;

    public static readonly string[] Names =
    [
        "atena_number", "household_number", "juminhyo_code", "my_number", "resident_kind", "name", "name_kana", "alias",
        "alias_kana", "nationality", "sex", "birth_date", "relationship", "household_head_atena", "postal_code", "area_code",
        "address", "address_supplement", "status", "change_reason", "change_date", "notified_on", "previous_address", "updated_at",
    ];
}
