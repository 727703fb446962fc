using System.Globalization;
using System.Text;
using Hub.Adapters.Domain.Identifiers;

namespace Hub.Api.Tests.Support;

/// <summary>Builds a resident registry export in the demo layout (<c>schemas/adapters/resident-registry.md</c>), row by row.</summary>
internal sealed class RegistryCsv
{
    private const string Header = "atena_number,household_number,juminhyo_code,my_number,resident_kind,name,name_kana,alias,alias_kana,nationality,sex,birth_date,relationship,household_head_atena,postal_code,area_code,address,address_supplement,status,change_reason,change_date,notified_on,previous_address,updated_at";

    private readonly StringBuilder _text = new StringBuilder(Header).Append('\n');

    /// <summary>宛名番号 of serial <paramref name="serial"/> (with its check digit).</summary>
    public static string Atena(int serial) => AtenaNumber.FromSerial(serial).Value;

    /// <summary>Adds a person; <paramref name="on"/> is the change (and notification) date of <paramref name="reason"/>.</summary>
    public RegistryCsv Person(int serial, int household, int head, string relationship, string sex, string birth, string status = "1", string reason = "", string on = "", string area = "0012003", string name = "山田　太郎")
    {
        _text.Append(string.Join(',',
            Atena(serial), HouseholdNumber.FromSerial(household).Value, JuminhyoCode.FromBody((1_000_000_000L + serial).ToString(CultureInfo.InvariantCulture)).Value,
            MyNumber.FromBody(serial.ToString("00000000000", CultureInfo.InvariantCulture)).Digits, "1", name, "ヤマダ　タロウ", "", "", "", sex, birth, relationship,
            Atena(head), "100-0001", area, "東京都みなと市中央一丁目2番3号", "", status, reason, on, on, "", "2026-03-20T10:00:00+09:00")).Append('\n');
        return this;
    }

    /// <summary>Writes the export in <paramref name="encoding"/> (UTF-8 without BOM by default).</summary>
    public async Task<string> WriteAsync(string path, Encoding? encoding = null)
    {
        await File.WriteAllBytesAsync(path, (encoding ?? new UTF8Encoding(false)).GetBytes(_text.ToString()));
        return path;
    }
}
