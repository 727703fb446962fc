using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Hub.Adapters.Domain.Text;

/// <summary>Reads the JSON and CSV forms of <see cref="GaijiTable"/>, collecting every problem before failing.</summary>
internal static class GaijiTableReader
{
    public static GaijiTable FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        var map = new Dictionary<int, string>();
        string? source = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("外字 table: expected an object with an \"entries\" object.");
            }

            if (root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String)
            {
                source = s.GetString();
            }

            foreach (var entry in entries.EnumerateObject())
            {
                var target = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : null;
                Add(map, problems, $"entry \"{entry.Name}\"", entry.Name, target);
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"外字 table: not valid JSON ({ex.Message})", ex);
        }

        return Build(map, problems, source);
    }

    public static GaijiTable FromCsv(string csv, string? source)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var problems = new List<string>();
        var map = new Dictionary<int, string>();
        var lines = csv.Split('\n');
        var threeColumns = false; // the demo vendor's form: code_point,character,description
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').TrimStart('\uFEFF');
            if (i == 0 && line.Trim() == "code_point,character,description")
            {
                threeColumns = true;
                continue;
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#') || (i == 0 && line.Trim() == "code,target"))
            {
                continue;
            }

            if (threeColumns)
            {
                var cells = new List<string>(3);
                if (!Csv.CsvFields.TrySplit(line, cells, out _) || cells.Count < 2)
                {
                    problems.Add($"line {i + 1}: expected code_point,character,description");
                    continue;
                }

                Add(map, problems, $"line {i + 1}", cells[0].Trim(), cells[1]);
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                problems.Add($"line {i + 1}: expected code,target");
                continue;
            }

            Add(map, problems, $"line {i + 1}", line[..comma].Trim(), line[(comma + 1)..]);
        }

        return Build(map, problems, source);
    }

    private static void Add(Dictionary<int, string> map, List<string> problems, string where, string code, string? target)
    {
        var codePoint = ParseCode(code);
        var mapped = ParseTarget(target);
        if (codePoint is null)
        {
            problems.Add($"{where}: 「{code}」 is neither U+XXXX nor a CP932 user-defined code 0xF040–0xF9FC");
        }
        else if (mapped is null)
        {
            problems.Add($"{where}: the target of {code} is empty or not valid code points");
        }
        else if (!map.TryAdd(codePoint.Value, mapped))
        {
            problems.Add($"{where}: U+{codePoint:X4} is mapped twice");
        }
    }

    private static GaijiTable Build(Dictionary<int, string> map, List<string> problems, string? source) =>
        problems.Count == 0
            ? new GaijiTable(map, source)
            : throw new FormatException($"外字 table{(source is null ? string.Empty : " " + source)} has {problems.Count} problem(s): {string.Join("; ", problems)}");

    private static int? ParseCode(string code)
    {
        if (code.StartsWith("U+", StringComparison.OrdinalIgnoreCase))
        {
            return ParseCodePoint(code[2..]);
        }

        if (code.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && code.Length == 6
            && int.TryParse(code.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bytes))
        {
            try
            {
                return GaijiTable.Cp932ToPrivateUse(bytes);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? ParseTarget(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        var parts = target.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!parts.All(p => p.StartsWith("U+", StringComparison.OrdinalIgnoreCase)))
        {
            return target.Trim(); // literal text
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (ParseCodePoint(part[2..]) is not { } cp)
            {
                return null;
            }

            sb.Append(char.ConvertFromUtf32(cp));
        }

        return sb.ToString();
    }

    private static int? ParseCodePoint(string hex) =>
        hex.Length is >= 4 and <= 6
        && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp)
        && cp <= 0x10FFFF && cp is < 0xD800 or > 0xDFFF
            ? cp
            : null;
}
