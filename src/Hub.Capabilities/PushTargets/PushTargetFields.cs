namespace Hub.Capabilities.PushTargets;

/// <summary>The catalog paths a push-target row can carry, in export column order, with their values.</summary>
public static class PushTargetFields
{
    /// <summary>Catalog path → value of a row.</summary>
    public static IReadOnlyList<(string Path, string Column, Func<PushTargetRow, string?> Value)> All { get; } =
    [
        ("resident.atenaNumber", "atena_number", r => r.AtenaNumber),
        ("resident.householdNumber", "household_number", r => r.HouseholdNumber),
        ("resident.name", "name", r => r.Name),
        ("resident.nameKana", "name_kana", r => r.NameKana),
        ("resident.sex", "sex", r => r.Sex),
        ("resident.birthDate", "birth_date", r => r.BirthDateText),
        ("resident.relationship", "relationship", r => r.Relationship),
        ("resident.postalCode", "postal_code", r => r.PostalCode),
        ("resident.areaCode", "area_code", r => r.AreaCode),
        ("resident.address", "address", r => r.Address),
        ("resident.addressSupplement", "address_supplement", r => r.AddressSupplement),
    ];
}
