using System.Globalization;
using System.Text;
using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Layouts;

namespace Hub.Demo.City;

/// <summary>
/// 住民記録 as a legacy host would export it: <c>resident-registry/residents-legacy.dat</c>, fixed-width
/// CP932 records (layout <c>resident-registry-legacy.layout.json</c>, copied beside it), with era-coded
/// dates, half-width kana readings and the vendor's 外字 in the CP932 user-defined area, mapped by
/// <c>gaiji-legacy.csv</c>. The same residents as <c>residents.csv</c>, clean rows only. What CP932 cannot
/// hold is what such a host loses: IVS selectors are dropped, other characters outside CP932 become 〓
/// (U+3013, the customary placeholder), 旬 in birth dates becomes the month, and fields are cut at their width.
/// </summary>
internal sealed class LegacyResidentExport : IDisposable
{
    public const string RelativePath = "resident-registry/residents-legacy.dat";
    public const string LayoutRelativePath = "resident-registry/resident-registry-legacy.layout.json";
    public const string GaijiRelativePath = "resident-registry/gaiji-legacy.csv";

    private static readonly Encoding Cp932 = TextEncodings.Get("cp932")!;

    private readonly string _root;
    private readonly FileStream _stream;
    private readonly LayoutDefinition _layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentRegistryLegacy);
    private readonly Dictionary<string, LayoutField> _fields;
    private readonly Dictionary<string, string> _relationshipCodes;
    private readonly Dictionary<string, string> _reasonCodes;
    private readonly byte[] _record;
    private int _rows;

    public LegacyResidentExport(string root)
    {
        _root = root;
        var path = Path.Combine(root, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _fields = _layout.Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        _relationshipCodes = _layout.CodeTables["relationship"].ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        _reasonCodes = _layout.CodeTables["changeReason"].ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        _record = new byte[_layout.RecordLength!.Value + 2];
    }

    public IEnumerable<ExportFile> Files =>
    [
        ExportFile.Written(_root, RelativePath, _rows),
        ExportFile.Written(_root, LayoutRelativePath, 0),
        ExportFile.Written(_root, GaijiRelativePath, Gaiji.Table.Length),
    ];

    public void Write(DemoHousehold household)
    {
        foreach (var m in household.Members)
        {
            WriteRecord(ResidentRegistryExport.Fields(household, m));
        }
    }

    private void WriteRecord(string[] f)
    {
        Array.Fill(_record, (byte)' ');
        Put("atenaNumber", f[0]);
        Put("householdNumber", f[1]);
        Put("juminhyoCode", f[2]);
        Put("myNumber", f[3]);
        Put("residentKind", f[4]);
        Put("name", f[5]);
        Put("nameKana", HalfWidthKana.From(f[6]));
        Put("sex", f[10]);
        Put("birthDate", EraCode(f[11]));
        Put("relationship", _relationshipCodes.GetValueOrDefault(f[12], "99"));
        Put("householdHeadAtenaNumber", f[13]);
        Put("postalCode", f[14]);
        Put("areaCode", f[15]);
        Put("address", f[16]);
        Put("addressSupplement", f[17]);
        Put("isRemoved", f[18]);
        Put("changeReason", f[19].Length == 0 ? string.Empty : _reasonCodes[f[19]]);
        Put("changeDate", f[20].Length == 0 ? "00000000" : f[20].Replace("-", string.Empty, StringComparison.Ordinal));
        Put("notifiedOn", f[21].Length == 0 ? "00000000" : f[21].Replace("-", string.Empty, StringComparison.Ordinal));
        Put("sourceTimestamp", DateTimeOffset.Parse(f[23], CultureInfo.InvariantCulture).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        Put("nationality", f[9]);
        _record[^2] = (byte)'\r';
        _record[^1] = (byte)'\n';
        _stream.Write(_record);
        _rows++;
    }

    private static string EraCode(string text) =>
        JapaneseEraDate.TryParse(text, out var date) ? date.ToEraCode() : "0000000";

    /// <summary>Writes <paramref name="text"/> at the field's offset, cut at a character boundary to its width.</summary>
    private void Put(string field, string text)
    {
        var layout = _fields[field];
        var target = _record.AsSpan(layout.Offset!.Value, layout.Length!.Value);
        var written = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is >= 0xE0100 and <= 0xE01EF)
            {
                continue; // IVS: a legacy host has only the base character
            }

            var s = rune.ToString();
            byte[] bytes;
            try
            {
                bytes = Cp932.GetBytes(s);
            }
            catch (EncoderFallbackException)
            {
                bytes = Cp932.GetBytes("〓");
            }

            if (written + bytes.Length > target.Length)
            {
                break;
            }

            bytes.CopyTo(target[written..]);
            written += bytes.Length;
        }
    }

    public void WriteTables()
    {
        File.WriteAllText(Path.Combine(_root, LayoutRelativePath), BuiltInLayouts.Text(BuiltInLayouts.ResidentRegistryLegacy), new UTF8Encoding(false));
        var sb = new StringBuilder("code,target\n");
        foreach (var (codePoint, standard, _) in Gaiji.Table)
        {
            var bytes = Cp932.GetBytes(codePoint.ToString());
            sb.Append(CultureInfo.InvariantCulture, $"0x{bytes[0]:X2}{bytes[1]:X2},{standard}\n");
        }

        File.WriteAllText(Path.Combine(_root, GaijiRelativePath), sb.ToString(), new UTF8Encoding(false));
    }

    public void Dispose() => _stream.Dispose();
}
