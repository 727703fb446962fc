using System.Collections.Frozen;
using System.Text;

namespace Hub.Adapters.Domain.Text;

/// <summary>
/// 外字テーブル: one source's mapping from vendor-defined characters to Unicode. Legacy exports put 外字
/// in the CP932 user-defined area (bytes 0xF040–0xF9FC, which a CP932 decoder turns into U+E000–U+E757)
/// or straight into the Private Use Area; a mapping may give several code points (a base character and
/// an IVS selector). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Both file forms name a character by <c>U+XXXX</c> (its code point, 4–6 hex digits) or by
/// <c>0xHHHH</c> (its CP932 bytes, lead 0xF0–0xF9, trail 0x40–0x7E or 0x80–0xFC). A target is either
/// literal text or code points separated by spaces (<c>U+845B U+E0100</c>).</para>
/// <para>JSON: <c>{ "source": "vendor-a", "entries": { "U+E000": "髙", "0xF041": "U+845B U+E0100" } }</c>.</para>
/// <para>CSV (UTF-8): one <c>code,target</c> per line; blank lines and lines starting with <c>#</c> are
/// skipped, as is a first line <c>code,target</c>. A first line <c>code_point,character,description</c> announces the three-column form the demo vendor writes (<c>resident-registry/gaiji.csv</c>).</para>
/// <para>A file with errors is rejected whole, with one <see cref="FormatException"/> listing every problem
/// by line or key. Sample tables live in <c>schemas/adapters/</c>.</para>
/// </remarks>
public sealed class GaijiTable
{
    private readonly FrozenDictionary<int, string> _map;

    /// <summary>Builds a table from code points to their Unicode strings.</summary>
    public GaijiTable(IReadOnlyDictionary<int, string> map, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var (codePoint, target) in map)
        {
            if (string.IsNullOrEmpty(target))
            {
                throw new ArgumentException($"外字 U+{codePoint:X4} maps to nothing.", nameof(map));
            }
        }

        _map = map.ToFrozenDictionary();
        Source = source;
    }

    /// <summary>A table that maps nothing: every Private Use Area character is reported.</summary>
    public static GaijiTable Empty { get; } = new(new Dictionary<int, string>());

    /// <summary>The source system the table belongs to, when the file names it.</summary>
    public string? Source { get; }

    /// <summary>Number of mapped characters.</summary>
    public int Count => _map.Count;

    /// <summary>The Private Use Area code point a CP932 decoder gives for user-defined bytes 0xF040–0xF9FC.</summary>
    public static int Cp932ToPrivateUse(int cp932)
    {
        int lead = cp932 >> 8, trail = cp932 & 0xFF;
        if (lead is < 0xF0 or > 0xF9 || trail is < 0x40 or > 0xFC || trail == 0x7F)
        {
            throw new ArgumentOutOfRangeException(nameof(cp932), cp932, "Not in the CP932 user-defined area 0xF040–0xF9FC.");
        }

        return 0xE000 + ((lead - 0xF0) * 188) + (trail - 0x40 - (trail > 0x7F ? 1 : 0));
    }

    /// <summary>The mapping of one code point, if the table has it.</summary>
    public bool TryGet(int codePoint, out string target) => _map.TryGetValue(codePoint, out target!);

    /// <summary>Maps every character the table knows; reports, and keeps, Private Use Area characters it does not know, U+FFFD and lone surrogates.</summary>
    public GaijiMapResult Map(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? sb = null;
        List<UnmappedCharacter>? unmapped = null;
        foreach (var (index, codePoint, length) in TextScan.CodePoints(text))
        {
            if (_map.TryGetValue(codePoint, out var target))
            {
                (sb ??= new StringBuilder(text, 0, index, text.Length + 8)).Append(target);
                continue;
            }

            if (TextScan.IsPrivateUse(codePoint) || codePoint == 0xFFFD || (length == 1 && char.IsSurrogate((char)codePoint)))
            {
                (unmapped ??= []).Add(new UnmappedCharacter(index, codePoint));
            }

            sb?.Append(text, index, length);
        }

        return new GaijiMapResult(sb?.ToString() ?? text, unmapped ?? (IReadOnlyList<UnmappedCharacter>)[]);
    }

    /// <summary>Reads the JSON form (see remarks).</summary>
    public static GaijiTable FromJson(string json) => GaijiTableReader.FromJson(json);

    /// <summary>Reads the CSV form (see remarks).</summary>
    public static GaijiTable FromCsv(string csv, string? source = null) => GaijiTableReader.FromCsv(csv, source);

    /// <summary>Reads a <c>.json</c> or <c>.csv</c> file (UTF-8).</summary>
    public static GaijiTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".JSON" or ".CSV"))
        {
            throw new ArgumentException($"A 外字 table is a .json or .csv file: {path}", nameof(path));
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        return extension == ".JSON" ? FromJson(text) : FromCsv(text, Path.GetFileNameWithoutExtension(path));
    }
}
