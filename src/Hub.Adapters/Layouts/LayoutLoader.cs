using System.Globalization;
using System.Text.Json;

namespace Hub.Adapters.Layouts;

/// <summary>Reads and checks a layout file, reporting every problem in one <see cref="LayoutException"/>.</summary>
public static class LayoutLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] DateForms = ["iso", "yyyymmdd", "era-code", "wareki", "any"];
    private static readonly string[] TimestampForms = ["iso", "yyyymmddhhmmss"];

    /// <summary>Reads a layout file (UTF-8 JSON).</summary>
    public static LayoutDefinition Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LayoutException($"Layout file {path} does not exist.", []);
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Reads a layout from JSON text; <paramref name="origin"/> names it in messages.</summary>
    public static LayoutDefinition Parse(string json, string origin)
    {
        LayoutDefinition? layout;
        try
        {
            layout = JsonSerializer.Deserialize<LayoutDefinition>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new LayoutException($"Layout {origin} is not valid JSON: {ex.Message}", [ex.Message]);
        }

        if (layout is null)
        {
            throw new LayoutException($"Layout {origin} is empty.", ["empty"]);
        }

        var problems = Check(layout);
        return problems.Count == 0
            ? layout
            : throw new LayoutException($"Layout {origin} has {problems.Count} problem(s):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}", problems);
    }

    /// <summary>Every problem of <paramref name="layout"/> (empty when it can be used).</summary>
    public static IReadOnlyList<string> Check(LayoutDefinition layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var problems = new List<string>();
        foreach (var key in layout.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            if (key != "$schema")
            {
                problems.Add($"unknown property '{key}'");
            }
        }

        if (string.IsNullOrWhiteSpace(layout.Name))
        {
            problems.Add("name is required");
        }

        RecordMapping.ByKind.TryGetValue(layout.RecordKind ?? string.Empty, out var mapping);
        if (mapping is null)
        {
            problems.Add($"recordKind must be one of {string.Join(", ", RecordMapping.ByKind.Keys)}");
        }

        var fixedWidth = layout.Format == "fixed-width";
        if (layout.Format is not ("csv" or "fixed-width"))
        {
            problems.Add("format must be csv or fixed-width");
        }

        if (TextEncodings.Get(layout.Encoding ?? string.Empty) is null)
        {
            problems.Add($"encoding must be one of {string.Join(", ", TextEncodings.Names)}");
        }

        if (fixedWidth && layout.RecordLength is not > 0)
        {
            problems.Add("recordLength (bytes per record) is required for fixed-width");
        }

        if (fixedWidth && layout.LineEnd is not ("crlf" or "lf" or "none"))
        {
            problems.Add("lineEnd must be crlf, lf or none");
        }

        if (!TimeSpan.TryParse((layout.TimeZone ?? string.Empty).TrimStart('+'), CultureInfo.InvariantCulture, out _))
        {
            problems.Add("timeZone must be an offset such as +09:00");
        }

        if (layout.Fields.Count == 0)
        {
            problems.Add("fields must list at least one field");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layout.Fields.Count; i++)
        {
            CheckField(layout, layout.Fields[i], $"fields[{i}]", mapping, fixedWidth, seen, problems);
        }

        if (mapping is not null)
        {
            foreach (var required in mapping.Required.Where(r => !seen.Contains(r)))
            {
                problems.Add($"required field '{required}' of {layout.RecordKind} is not mapped");
            }
        }

        return problems;
    }

    private static void CheckField(LayoutDefinition layout, LayoutField f, string where, RecordMapping? mapping, bool fixedWidth, HashSet<string> seen, List<string> problems)
    {
        foreach (var key in f.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add($"{where}: unknown property '{key}'");
        }

        FieldKind? kind = null;
        if (mapping is not null)
        {
            if (mapping.Fields.TryGetValue(f.Field ?? string.Empty, out var k))
            {
                kind = k;
            }
            else
            {
                problems.Add($"{where}: '{f.Field}' is not a field of {layout.RecordKind} ({string.Join(", ", mapping.Fields.Keys)})");
            }
        }

        if (!string.IsNullOrEmpty(f.Field) && !seen.Add(f.Field))
        {
            problems.Add($"{where}: '{f.Field}' is mapped twice");
        }

        if (fixedWidth)
        {
            if (f.Offset is not >= 0 || f.Length is not > 0)
            {
                problems.Add($"{where}: fixed-width fields need offset (≥ 0) and length (> 0)");
            }
            else if (layout.RecordLength is { } len && f.Offset + f.Length > len)
            {
                problems.Add($"{where}: offset + length goes past recordLength {len}");
            }
        }
        else if (f.Index is null && string.IsNullOrEmpty(f.Column))
        {
            problems.Add($"{where}: CSV fields need a column name or a 1-based index");
        }
        else if (f.Index is null && !layout.Header)
        {
            problems.Add($"{where}: a column name needs header: true; give an index instead");
        }
        else if (f.Index is < 1)
        {
            problems.Add($"{where}: index is 1-based");
        }

        if (f.Form is not null)
        {
            var forms = kind == FieldKind.Timestamp ? TimestampForms : DateForms;
            if (kind is not (FieldKind.Date or FieldKind.EraDate or FieldKind.Timestamp) || !forms.Contains(f.Form))
            {
                problems.Add($"{where}: form '{f.Form}' does not apply; dates take {string.Join(", ", DateForms)}, timestamps {string.Join(", ", TimestampForms)}");
            }
        }

        if (f.Codes is not null && !layout.CodeTables.ContainsKey(f.Codes))
        {
            problems.Add($"{where}: code table '{f.Codes}' is not defined in codeTables");
        }

        if (f.Trim is not (null or "none" or "end" or "both"))
        {
            problems.Add($"{where}: trim must be none, end or both");
        }
    }
}
