using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Catalog;

/// <summary>
/// Checks a generic record's values against its kind (<see cref="RecordKind"/>) and brings them to their canonical .NET
/// types: <see cref="string"/>, <see cref="long"/>, <see cref="bool"/>, <see cref="DateOnly"/>. A problem names the field
/// and what is wrong with it, never the value.
/// </summary>
public static class RecordValues
{
    /// <summary>
    /// The values of <paramref name="values"/> in canonical types, by field name in the kind's declaration order (empty
    /// fields left out), or the first problem: an unknown field, a value of the wrong type or form (length, pattern,
    /// allowed values), a missing required, key or subject field, or a <paramref name="key"/> that is not
    /// <see cref="RecordKind.KeyOf"/> of the values.
    /// </summary>
    public static (IReadOnlyDictionary<string, object>? Values, string? Problem) Check(RecordKind kind, IReadOnlyDictionary<string, object?> values, string key)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var name in values.Keys)
        {
            if (kind.Field(name) is null)
            {
                return (null, $"{name}: not a field of {kind.Name}");
            }
        }

        var canonical = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var field in kind.Fields)
        {
            var raw = values.GetValueOrDefault(field.Name);
            if (raw is null || raw is string { Length: 0 })
            {
                if (!field.Nullable || field.Name == kind.Subject || kind.Key.Contains(field.Name))
                {
                    return (null, $"{field.Name}: required");
                }

                continue;
            }

            var (value, problem) = Convert(field, raw);
            if (problem is not null)
            {
                return (null, $"{field.Name}: {problem}");
            }

            canonical[field.Name] = value!;
        }

        return kind.KeyOf(canonical!) == key ? (canonical, null) : (null, $"key: is not the value of the key fields ({string.Join(", ", kind.Key)})");
    }

    private static (object? Value, string? Problem) Convert(CatalogField field, object raw) => field.Type switch
    {
        "string" => raw is string s ? CheckString(field, s) : (null, "expected text"),
        "integer" => raw switch
        {
            int i => ((long)i, null),
            long l => (l, null),
            short h => ((long)h, null),
            string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => (l, null),
            _ => (null, "expected an integer"),
        },
        "boolean" => raw switch
        {
            bool b => (b, null),
            "true" => (true, null),
            "false" => (false, null),
            _ => (null, "expected true or false"),
        },
        "date" => raw switch
        {
            DateOnly d => (d, null),
            string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => (d, null),
            _ => (null, "expected a date (yyyy-MM-dd)"),
        },
        _ => (null, $"type {field.Type} is not stored generically"),
    };

    private static (object? Value, string? Problem) CheckString(CatalogField field, string s)
    {
        if (field.MaxLength is { } max && s.Length > max)
        {
            return (null, $"longer than {max} characters");
        }

        if (field.AllowedValues is { } allowed && !allowed.Contains(s, StringComparer.Ordinal))
        {
            return (null, "not one of the allowed values");
        }

        if (field.Pattern is { } pattern && !Regex.IsMatch(s, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return (null, "does not match the field's pattern");
        }

        return (s, null);
    }
}
