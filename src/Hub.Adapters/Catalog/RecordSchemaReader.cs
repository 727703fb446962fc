using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hub.Adapters.Catalog;

/// <summary>
/// Reads one <c>schemas/records/*.schema.json</c> into a <see cref="RecordKind"/>, adding every contradiction it finds to
/// a list as <c>file: $.json.path: what is wrong</c> rather than stopping at the first.
/// </summary>
internal sealed partial class RecordSchemaReader(string file, List<string> problems)
{
    /// <summary>The field types every kind may use: <c>date</c> is a string with <c>"format": "date"</c>.</summary>
    public static IReadOnlySet<string> ScalarTypes { get; } = new HashSet<string>(["string", "integer", "boolean", "date"], StringComparer.Ordinal);

    // Built-in kinds also use these (a 和暦 birth date, the household's member list); their code knows them.
    private static readonly HashSet<string> BuiltInTypes = ["japaneseEraDate", "array"];

    private static readonly HashSet<string> RootHubKeys = ["x-hub-record", "x-hub-label", "x-hub-key", "x-hub-subject", "x-hub-dating", "x-hub-indexed"];

    private readonly string _name = Path.GetFileName(file);

    public RecordKind? Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            Problem("$", $"not valid JSON ({e.Message})");
            return null;
        }

        using (document)
        {
            return Kind(document.RootElement);
        }
    }

    private RecordKind? Kind(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem("$", "must be an object");
            return null;
        }

        foreach (var p in root.EnumerateObject().Where(p => p.Name.StartsWith("x-hub-", StringComparison.Ordinal) && !RootHubKeys.Contains(p.Name)))
        {
            Problem("$." + p.Name, $"unknown annotation (known: {string.Join(", ", RootHubKeys)})");
        }

        var record = Text(root, "$", "x-hub-record");
        if (record is not null && !KindName().IsMatch(record))
        {
            Problem("$.x-hub-record", "must be a name in lower camel case (letters and digits, e.g. longTermCare)");
            record = null;
        }

        var label = Text(root, "$", "x-hub-label");
        if (!root.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            Problem("$.properties", "required, an object");
            return null;
        }

        var builtIn = record is not null && RecordKind.BuiltIn.Contains(record);
        var required = Required(root, properties);
        var fields = new List<CatalogField>();
        foreach (var property in properties.EnumerateObject())
        {
            if (Field(record ?? "?", property, required, builtIn) is not { } field)
            {
                continue;
            }

            // JSON parsers keep a property given twice; the catalog must not.
            if (fields.Any(f => f.Name == field.Name))
            {
                Problem($"$.properties.{field.Name}.x-hub-path", $"'{field.Path}' is declared twice");
                continue;
            }

            fields.Add(field);
        }

        var key = Key(root, properties);
        var subject = Subject(root, properties);
        var dating = Dating(root, properties);
        var indexed = Indexed(root, properties);
        return record is null || label is null || key is null || subject is null
            ? null
            : new RecordKind(record, label, _name, fields, key, subject, dating, indexed);
    }

    private HashSet<string> Required(JsonElement root, JsonElement properties)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("required", out var list))
        {
            return required;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            Problem("$.required", "must be an array of property names");
            return required;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"$.required[{i++}]";
            if (item.ValueKind != JsonValueKind.String || !properties.TryGetProperty(item.GetString()!, out _))
            {
                Problem(at, $"'{item}' is not a property of this schema");
                continue;
            }

            required.Add(item.GetString()!);
        }

        return required;
    }

    private CatalogField? Field(string record, JsonProperty property, HashSet<string> required, bool builtIn)
    {
        var at = "$.properties." + property.Name;
        var p = property.Value;
        if (p.ValueKind != JsonValueKind.Object)
        {
            Problem(at, "must be an object");
            return null;
        }

        var before = problems.Count;
        if (!KindName().IsMatch(property.Name))
        {
            Problem(at, "a field's name must be in lower camel case (letters and digits): it is a GraphQL field and a column of queries");
        }

        var path = Text(p, at, "x-hub-path");
        if (path is not null && path != record + "." + property.Name)
        {
            Problem(at + ".x-hub-path", $"must be '{record}.{property.Name}' (the record's name, a dot, the property's name)");
        }

        var fieldLabel = Text(p, at, "x-hub-label");
        var classification = Text(p, at, "x-hub-classification");
        string? specification = null, item = null;
        if (!p.TryGetProperty("x-hub-standard", out var standard) || standard.ValueKind != JsonValueKind.Object)
        {
            Problem(at + ".x-hub-standard", "required, an object with 'specification' and 'item'");
        }
        else
        {
            specification = Text(standard, at + ".x-hub-standard", "specification");
            item = Text(standard, at + ".x-hub-standard", "item");
        }

        var (type, nullable) = Type(p, at, builtIn);
        if (problems.Count > before || path is null || fieldLabel is null || classification is null || specification is null || item is null || type is null)
        {
            return null;
        }

        return new CatalogField(
            path,
            record,
            property.Name,
            fieldLabel,
            type,
            nullable && !required.Contains(property.Name),
            p.TryGetProperty("maxLength", out var ml) && ml.ValueKind == JsonValueKind.Number ? ml.GetInt32() : null,
            classification,
            specification,
            item,
            p.TryGetProperty("x-hub-relation", out var rel) ? rel.GetString() : null)
        {
            AllowedValues = p.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
                ? [.. e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
                : null,
            Pattern = p.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String ? pattern.GetString() : null,
        };
    }

    private (string? Type, bool Nullable) Type(JsonElement p, string at, bool builtIn)
    {
        if (p.TryGetProperty("$ref", out var reference))
        {
            var referenced = reference.GetString()?.Split('/')[^1];
            if (builtIn && referenced is not null && BuiltInTypes.Contains(referenced))
            {
                return (referenced, true);
            }

            Problem(at + ".$ref", $"unknown type '{referenced}' (a record kind's fields are {string.Join(", ", ScalarTypes)})");
            return (null, false);
        }

        if (!p.TryGetProperty("type", out var t))
        {
            Problem(at + ".type", "required");
            return (null, false);
        }

        var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(e => e.ToString()).ToList() : [t.ToString()];
        var nullable = types.Remove("null");
        if (types.Count != 1)
        {
            Problem(at + ".type", "must name one type (and optionally \"null\")");
            return (null, false);
        }

        var type = types[0];
        if (type == "string" && p.TryGetProperty("format", out var f) && f.GetString() == "date")
        {
            type = "date";
        }

        if (!ScalarTypes.Contains(type) && !(builtIn && BuiltInTypes.Contains(type)))
        {
            Problem(at + ".type", $"unknown type '{type}' (a record kind's fields are string, integer, boolean, or string with \"format\": \"date\")");
            return (null, false);
        }

        return (type, nullable);
    }

    private List<string>? Key(JsonElement root, JsonElement properties)
    {
        if (!root.TryGetProperty("x-hub-key", out var key))
        {
            Problem("$.x-hub-key", "missing: the fields that identify one record in its source, e.g. [\"insuredNumber\", \"certifiedOn\"]");
            return null;
        }

        var names = Names(key, "$.x-hub-key", properties);
        if (names is { Count: 0 })
        {
            Problem("$.x-hub-key", "must name at least one field");
        }

        return names is { Count: > 0 } ? names : null;
    }

    private string? Subject(JsonElement root, JsonElement properties)
    {
        if (!root.TryGetProperty("x-hub-subject", out var subject) || subject.ValueKind != JsonValueKind.String)
        {
            Problem("$.x-hub-subject", "missing: the field holding the 宛名番号 of the resident the record is about");
            return null;
        }

        return Declared(subject.GetString()!, "$.x-hub-subject", properties, "string") ? subject.GetString() : null;
    }

    private RecordDating? Dating(JsonElement root, JsonElement properties)
    {
        if (!root.TryGetProperty("x-hub-dating", out var dating))
        {
            return null;
        }

        if (dating.ValueKind != JsonValueKind.Object)
        {
            Problem("$.x-hub-dating", "must be an object {\"from\": …, \"to\": …, \"toInclusive\": …}");
            return null;
        }

        foreach (var p in dating.EnumerateObject().Where(p => p.Name is not ("from" or "to" or "toInclusive")))
        {
            Problem("$.x-hub-dating." + p.Name, "unknown (known: from, to, toInclusive)");
        }

        var from = dating.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (from is null)
        {
            Problem("$.x-hub-dating.from", "required: the date field that opens validity");
        }

        var fromOk = from is not null && Declared(from, "$.x-hub-dating.from", properties, "date");
        var to = dating.TryGetProperty("to", out var t) ? t.ValueKind == JsonValueKind.String ? t.GetString() : "" : null;
        var toOk = to is null || Declared(to, "$.x-hub-dating.to", properties, "date");
        var inclusive = false;
        if (dating.TryGetProperty("toInclusive", out var inc))
        {
            if (inc.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Problem("$.x-hub-dating.toInclusive", "must be true or false");
            }

            inclusive = inc.ValueKind == JsonValueKind.True;
        }

        return fromOk && toOk ? new RecordDating(from!, to, inclusive) : null;
    }

    private List<string> Indexed(JsonElement root, JsonElement properties) =>
        root.TryGetProperty("x-hub-indexed", out var indexed) ? Names(indexed, "$.x-hub-indexed", properties) ?? [] : [];

    private List<string>? Names(JsonElement array, string at, JsonElement properties)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            Problem(at, "must be an array of property names");
            return null;
        }

        var names = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemAt = $"{at}[{i++}]";
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
            if (names.Contains(name))
            {
                Problem(itemAt, $"'{name}' is named twice");
            }
            else if (Declared(name, itemAt, properties, null))
            {
                names.Add(name);
            }
        }

        return names;
    }

    // Whether `name` is a declared scalar property (of `type`, when given), adding the problem when not.
    private bool Declared(string name, string at, JsonElement properties, string? type)
    {
        if (!properties.TryGetProperty(name, out var p) || p.ValueKind != JsonValueKind.Object)
        {
            Problem(at, $"'{name}' is not a property of this schema");
            return false;
        }

        var declared = p.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(e => e.ToString()).FirstOrDefault(s => s != "null") : t.ToString()) : null;
        if (declared == "string" && p.TryGetProperty("format", out var f) && f.GetString() == "date")
        {
            declared = "date";
        }

        if (declared is null || !ScalarTypes.Contains(declared))
        {
            Problem(at, $"'{name}' is not a scalar field (string, integer, boolean or date)");
            return false;
        }

        if (type is not null && declared != type)
        {
            Problem(at, $"'{name}' is a {declared} field; this needs a {type} field");
            return false;
        }

        return true;
    }

    private string? Text(JsonElement element, string at, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s)
        {
            return s;
        }

        Problem(at == "$" ? "$." + property : at + "." + property, "required, a non-empty string");
        return null;
    }

    private void Problem(string at, string what) => problems.Add($"{_name}: {at}: {what}");

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex KindName();
}
