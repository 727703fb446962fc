using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Catalog;

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

    /// <summary>Reads a layout file (UTF-8 JSON); a kind declared as data is looked up in the default catalog (see <see cref="Load(string, FieldCatalog?)"/>).</summary>
    public static LayoutDefinition Load(string path) => Load(path, null);

    /// <summary>
    /// Reads a layout file (UTF-8 JSON). A <c>recordKind</c> that is no built-in layout kind names a kind declared as data
    /// in <paramref name="catalog"/> (when null: <see cref="FieldCatalog.LoadDefault"/>, read only for such a layout).
    /// </summary>
    public static LayoutDefinition Load(string path, FieldCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LayoutException($"Layout file {path} does not exist.", []);
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path), catalog);
    }

    /// <summary>Reads a layout from JSON text; <paramref name="origin"/> names it in messages.</summary>
    public static LayoutDefinition Parse(string json, string origin) => Parse(json, origin, null);

    /// <summary>Reads a layout from JSON text; <paramref name="origin"/> names it in messages; <paramref name="catalog"/> as for <see cref="Load(string, FieldCatalog?)"/>.</summary>
    public static LayoutDefinition Parse(string json, string origin, FieldCatalog? catalog)
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

        var problems = Check(layout, catalog);
        return problems.Count == 0
            ? layout
            : throw new LayoutException($"Layout {origin} has {problems.Count} problem(s):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}", problems);
    }

    /// <summary>Every problem of <paramref name="layout"/> (empty when it can be used).</summary>
    public static IReadOnlyList<string> Check(LayoutDefinition layout) => Check(layout, null);

    /// <summary>Every problem of <paramref name="layout"/> (empty when it can be used); <paramref name="catalog"/> as for <see cref="Load(string, FieldCatalog?)"/>.</summary>
    public static IReadOnlyList<string> Check(LayoutDefinition layout, FieldCatalog? catalog)
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

        var mapping = Mapping(layout.RecordKind ?? string.Empty, catalog, problems);

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

    /// <summary>The mapping of <paramref name="recordKind"/>: built in, or a kind declared as data in the catalog.</summary>
    internal static RecordMapping? Mapping(string recordKind, FieldCatalog? catalog, List<string> problems)
    {
        if (RecordMapping.For(recordKind, null) is { } builtIn)
        {
            return builtIn;
        }

        if (catalog is null && recordKind.Length > 0)
        {
            try
            {
                catalog = FieldCatalog.LoadDefault();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FieldCatalogException or JsonException)
            {
                problems.Add($"recordKind '{recordKind}' is no built-in layout kind, and the field catalog to look it up in could not be read: {e.Message}");
                return null;
            }
        }

        var mapping = RecordMapping.For(recordKind, catalog);
        if (mapping is null)
        {
            var declared = catalog?.GenericKinds.Select(k => k.Name) ?? [];
            problems.Add($"recordKind must be one of {string.Join(", ", RecordMapping.ByKind.Keys)} or a kind declared as data in the field catalog ({string.Join(", ", declared)})");
        }
        else if (mapping is GenericRecordMapping { Unsupported.Count: > 0 } generic)
        {
            problems.Add($"recordKind '{generic.Kind}' has field(s) of a type a layout cannot fill: {string.Join(", ", generic.Unsupported)}");
        }

        return mapping;
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

        if (f.Form is not null && mapping is not null) // without the kind, a form cannot be judged
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
