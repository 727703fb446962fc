using System.Globalization;
using System.Text;
using Hub.Adapters.Domain.Identifiers;

namespace Hub.Sync.Tests.Support;

/// <summary>Builds resident registry exports (the demo layout) row by row, for sync tests.</summary>
internal sealed class ResidentExport
{
    public const string Header = "atena_number,household_number,juminhyo_code,my_number,resident_kind,name,name_kana,alias,alias_kana,nationality,sex,birth_date,relationship,household_head_atena,postal_code,area_code,address,address_supplement,status,change_reason,change_date,notified_on,previous_address,updated_at";

    private readonly List<string> _rows = [];

    public int Count => _rows.Count;

    public static string Atena(int serial) => AtenaNumber.FromSerial(serial).Value;

    public static string Household(int serial) => HouseholdNumber.FromSerial(serial).Value;

    public static string MyNumberFor(int serial) => MyNumber.FromBody(serial.ToString("00000000000", CultureInfo.InvariantCulture)).Digits;

    /// <summary>Adds a well-formed row; <paramref name="tweak"/> may replace any column (by name) before it is written.</summary>
    public ResidentExport Person(int serial, int household, string relationship, int head, string name = "山田　太郎", string birth = "昭和45年3月12日", Action<Dictionary<string, string>>? tweak = null)
    {
        var row = new Dictionary<string, string>
        {
            ["atena_number"] = Atena(serial),
            ["household_number"] = Household(household),
            ["juminhyo_code"] = JuminhyoCode.FromBody((1_000_000_000L + serial).ToString(CultureInfo.InvariantCulture)).Value,
            ["my_number"] = MyNumberFor(serial),
            ["resident_kind"] = "1",
            ["name"] = name,
            ["name_kana"] = "ヤマダ　タロウ",
            ["alias"] = string.Empty,
            ["alias_kana"] = string.Empty,
            ["nationality"] = string.Empty,
            ["sex"] = "1",
            ["birth_date"] = birth,
            ["relationship"] = relationship,
            ["household_head_atena"] = Atena(head),
            ["postal_code"] = "100-0001",
            ["area_code"] = "0012003",
            ["address"] = "東京都みなと市中央一丁目2番3号",
            ["address_supplement"] = string.Empty,
            ["status"] = "1",
            ["change_reason"] = "転入",
            ["change_date"] = "2020-04-01",
            ["notified_on"] = "2020-04-03",
            ["previous_address"] = string.Empty,
            ["updated_at"] = "2025-11-02T10:15:00+09:00",
        };
        tweak?.Invoke(row);
        _rows.Add(string.Join(',', Header.Split(',').Select(c => Quote(row[c]))));
        return this;
    }

    /// <summary>Adds a raw line exactly as given (for malformed rows).</summary>
    public ResidentExport Raw(string line)
    {
        _rows.Add(line);
        return this;
    }

    public string WriteTo(string path)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in _rows)
        {
            sb.Append(r).Append('\n');
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static string Quote(string v) =>
        v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
}
