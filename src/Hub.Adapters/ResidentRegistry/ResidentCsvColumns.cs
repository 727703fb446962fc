namespace Hub.Adapters.ResidentRegistry;

/// <summary>The columns of the demo resident registry export, in order (see <c>schemas/adapters/resident-registry.md</c>).</summary>
internal static class ResidentCsvColumns
{
    public static readonly string[] Names =
    [
        "atena_number", "household_number", "juminhyo_code", "my_number", "resident_kind", "name", "name_kana", "alias",
        "alias_kana", "nationality", "sex", "birth_date", "relationship", "household_head_atena", "postal_code", "area_code",
        "address", "address_supplement", "status", "change_reason", "change_date", "notified_on", "previous_address", "updated_at",
    ];
}
