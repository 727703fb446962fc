namespace Hub.Demo.City;

/// <summary>住民記録: <c>resident-registry/residents.csv</c>, one row per resident, current and removed (layout in schemas/adapters/resident-registry.md).</summary>
internal sealed class ResidentRegistryExport : IDisposable
{
    public const string RelativePath = "resident-registry/residents.csv";

    public const string Header =
        "atena_number,household_number,juminhyo_code,my_number,resident_kind,name,name_kana,alias,alias_kana,nationality,sex," +
        "birth_date,relationship,household_head_atena,postal_code,area_code,address,address_supplement,status,change_reason," +
        "change_date,notified_on,previous_address,updated_at";

    private readonly ExportFile _file;

    public ResidentRegistryExport(string root) => _file = new ExportFile(root, RelativePath, Header);

    public ExportFile File => _file;

    public void Write(DemoHousehold household)
    {
        foreach (var m in household.Members)
        {
            _file.WriteCsvRow(Fields(household, m));
        }
    }

    public static string[] Fields(DemoHousehold household, DemoPerson m) =>
    [
        m.Atena,
        household.Number,
        m.JuminhyoCode,
        m.MyNumber,
        m.IsForeign ? "2" : "1",
        m.Name,
        m.NameKana,
        m.Alias,
        m.AliasKana,
        m.Nationality,
        m.Sex == Sex.Male ? "1" : "2",
        m.BirthDateText,
        m.Relationship,
        m.HeadAtena,
        household.Area.PostalCode,
        household.Area.AreaCode,
        household.Address,
        household.AddressSupplement,
        m.IsRemoved ? "2" : "1",
        m.ChangeReason,
        ExportText.Date(m.ChangeDate),
        ExportText.Date(m.NotifiedOn),
        m.PreviousAddress,
        ExportText.Timestamp(m.UpdatedAt),
    ];

    /// <summary>Rows a clean export never has, in turn: wrong column count, bad check digit, unparseable date.</summary>
    public void WriteMalformed(DemoHousehold household, int index)
    {
        var fields = Fields(household, household.Head);
        switch (index % 3)
        {
            case 0:
                _file.WriteCsvRow(fields.AsSpan(0, fields.Length - 3));
                break;
            case 1:
                var atena = fields[0];
                fields[0] = atena[..^1] + (char)('0' + ((atena[^1] - '0' + 1) % 10));
                _file.WriteCsvRow(fields);
                break;
            default:
                fields[11] = household.Head.IsForeign ? "1990-13-45" : "昭和九十九年十三月四十日";
                _file.WriteCsvRow(fields);
                break;
        }
    }

    public void Dispose() => _file.Dispose();
}
