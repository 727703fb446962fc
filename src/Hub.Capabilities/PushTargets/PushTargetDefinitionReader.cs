using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Capabilities.Records;

namespace Hub.Capabilities.PushTargets;

/// <summary>
/// Reads push-target definitions and criteria from JSON (the form <c>schemas/push-targets/push-target.schema.json</c>
/// describes). Strict: an unknown field, a missing <c>uncertain</c> on an age criterion or a wrong type fails with
/// the file and the JSON path, e.g. <c>elderly.json: $.criteria.all[1].age.maxx: unknown field</c>.
/// </summary>
public static class PushTargetDefinitionReader
{
    private static readonly string[] DefinitionFields = ["$schema", "id", "title", "description", "task", "criteria"];

    /// <summary>Every <c>*.json</c> definition in <paramref name="directory"/> except the schema, by id.</summary>
    /// <remarks>A <c>record</c> criterion is checked against <paramref name="catalog"/>'s kinds (default: the default catalog).</remarks>
    public static IReadOnlyDictionary<string, PushTargetDefinition> LoadDirectory(string directory, FieldCatalog? catalog = null)
    {
        catalog ??= FieldCatalog.LoadDefault();
        var definitions = new Dictionary<string, PushTargetDefinition>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var definition = Load(file, catalog);
            definitions.Add(definition.Id, definition);
        }

        return definitions;
    }

    /// <summary>One definition file.</summary>
    public static PushTargetDefinition Load(string file, FieldCatalog? catalog = null)
    {
        var name = Path.GetFileName(file);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new PushTargetDefinitionException($"{name}: not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var reader = new Reader(name, catalog);
            reader.Fields(root, "$", DefinitionFields);
            var id = reader.String(root, "$", "id");
            if (id != Path.GetFileNameWithoutExtension(file))
            {
                throw new PushTargetDefinitionException($"{name}: $.id: '{id}' must equal the file name without .json");
            }

            return new PushTargetDefinition(id, reader.String(root, "$", "title"), reader.String(root, "$", "description"), reader.String(root, "$", "task"), reader.Criterion(reader.Required(root, "$", "criteria"), "$.criteria"));
        }
    }

    /// <summary>Criteria given inline (e.g. a GraphQL argument as JSON); <paramref name="source"/> names it in errors.</summary>
    public static TargetCriterion ParseCriteria(string json, string source = "criteria", FieldCatalog? catalog = null)
    {
        using var document = JsonDocument.Parse(json);
        return new Reader(source, catalog).Criterion(document.RootElement, "$");
    }

    private sealed class Reader(string source, FieldCatalog? catalog)
    {
        private readonly Lazy<FieldCatalog> _catalog = new(() => catalog ?? FieldCatalog.LoadDefault());

        public TargetCriterion Criterion(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, "a criterion must be an object with exactly one key");
            }

            var keys = e.EnumerateObject().ToList();
            if (keys.Count != 1)
            {
                throw Fail(path, $"a criterion must have exactly one key (has {keys.Count})");
            }

            var (key, v) = (keys[0].Name, keys[0].Value);
            var at = path + "." + key;
            return key switch
            {
                "all" => new AllCriterion(List(v, at)),
                "any" => new AnyCriterion(List(v, at)),
                "not" => new NotCriterion(Criterion(v, at)),
                "region" => Region(v, at),
                "age" => With(v, at, ["min", "max", "uncertain"], () => new AgeCriterion(Int(v, at, "min"), Int(v, at, "max"), Uncertain(v, at))),
                "turnsAge" => With(v, at, ["age", "window", "uncertain"], () => new TurnsAgeCriterion(Int(v, at, "age") ?? throw Fail(at + ".age", "required"), Window(Required(v, at, "window"), at + ".window"), Uncertain(v, at))),
                "relationship" => new RelationshipCriterion(Strings(v, at)),
                "movedInSince" => new MovedInSinceCriterion(Date(v, at)),
                "householdSize" => With(v, at, ["min", "max"], () => new HouseholdSizeCriterion(Int(v, at, "min"), Int(v, at, "max"))),
                "householdMemberAged" => With(v, at, ["min", "max", "uncertain"], () => new HouseholdMemberAgedCriterion(Int(v, at, "min"), Int(v, at, "max"), Uncertain(v, at))),
                "householdChildren" => With(v, at, ["min", "max", "uncertain"], () => new HouseholdChildrenCriterion(Int(v, at, "min"), Int(v, at, "max"), Uncertain(v, at))),
                "singleParent" => With(v, at, ["uncertain"], () => new SingleParentCriterion(Uncertain(v, at))),
                "elderlyLivingAlone" => With(v, at, ["minAge", "uncertain"], () => new ElderlyLivingAloneCriterion(Int(v, at, "minAge") ?? 65, Uncertain(v, at))),
                "birthInHousehold" => With(v, at, ["since", "uncertain"], () => new BirthInHouseholdCriterion(Date(Required(v, at, "since"), at + ".since"), Uncertain(v, at))),
                "nhiMember" => new NhiMemberCriterion(Bool(v, at)),
                "childAllowanceRecipient" => new ChildAllowanceRecipientCriterion(Bool(v, at)),
                "childAllowanceChild" => new ChildAllowanceChildCriterion(Bool(v, at)),
                "householdChildAllowance" => new HouseholdChildAllowanceCriterion(Bool(v, at)),
                "record" => Record(v, at),
                "nonTaxableHousehold" => With(v, at, ["fiscalYear"], () => new NonTaxableHouseholdCriterion(FiscalYear(Required(v, at, "fiscalYear"), at + ".fiscalYear"))),
                _ => throw Fail(at, "unknown field"),
            };
        }

        private TargetCriterion With(JsonElement v, string path, string[] allowed, Func<TargetCriterion> make)
        {
            Fields(v, path, allowed);
            return make();
        }

        public void Fields(JsonElement e, string path, params string[] allowed)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, "must be an object");
            }

            foreach (var p in e.EnumerateObject())
            {
                if (!allowed.Contains(p.Name))
                {
                    throw Fail(path + "." + p.Name, "unknown field (known: " + string.Join(", ", allowed) + ")");
                }
            }
        }

        public JsonElement Required(JsonElement e, string path, string name) =>
            e.TryGetProperty(name, out var v) ? v : throw Fail(path + "." + name, "required");

        public string String(JsonElement e, string path, string name)
        {
            var v = Required(e, path, name);
            return v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : throw Fail(path + "." + name, "must be a non-empty string");
        }

        private List<TargetCriterion> List(JsonElement v, string path) =>
            v.ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select((item, i) => Criterion(item, $"{path}[{i}]")).ToList()
                : throw Fail(path, "must be an array of criteria");

        private RegionCriterion Region(JsonElement v, string path)
        {
            Fields(v, path, "areaCodes", "postalCodes");
            var areas = v.TryGetProperty("areaCodes", out var a) ? Strings(a, path + ".areaCodes") : [];
            var postals = v.TryGetProperty("postalCodes", out var p) ? Strings(p, path + ".postalCodes") : [];
            return areas.Count + postals.Count == 0 ? throw Fail(path, "names no area code and no postal code") : new RegionCriterion(areas, postals);
        }

        private List<string> Strings(JsonElement v, string path) =>
            v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String)
                ? v.EnumerateArray().Select(x => x.GetString()!).ToList()
                : throw Fail(path, "must be an array of strings");

        private int? Int(JsonElement e, string path, string name, int max = 150)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) && i >= 0 && i <= max ? i : throw Fail(path + "." + name, $"must be an integer 0–{max}");
        }

        private bool Bool(JsonElement v, string path) =>
            v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw Fail(path, "must be true or false");

        private UncertainAges Uncertain(JsonElement e, string path) =>
            e.TryGetProperty("uncertain", out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() switch
                {
                    "include" => UncertainAges.Include,
                    "exclude" => UncertainAges.Exclude,
                    "separate" => UncertainAges.Separate,
                    var other => throw Fail(path + ".uncertain", $"'{other}' is not include, exclude or separate"),
                }
                : throw Fail(path + ".uncertain", "required: what to do with 不詳 birth dates (include, exclude or separate)");

        private RelativeDate Date(JsonElement v, string path)
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                return DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? new RelativeDate(d, 0)
                    : throw Fail(path, "must be a date yyyy-MM-dd or {\"daysBeforeAsOf\": n}");
            }

            Fields(v, path, "daysBeforeAsOf");
            return new RelativeDate(null, Int(v, path, "daysBeforeAsOf", 36_600) ?? throw Fail(path + ".daysBeforeAsOf", "required"));
        }

        private DateWindow Window(JsonElement v, string path)
        {
            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString() switch
                {
                    "thisMonth" => new DateWindow(DateWindowKind.ThisMonth, 0),
                    "nextMonth" => new DateWindow(DateWindowKind.NextMonth, 0),
                    var other => throw Fail(path, $"'{other}' is not thisMonth, nextMonth or {{\"nextDays\": n}}"),
                };
            }

            Fields(v, path, "nextDays");
            return new DateWindow(DateWindowKind.NextDays, Int(v, path, "nextDays", 36_600) ?? throw Fail(path + ".nextDays", "required"));
        }

        private FiscalYearReference FiscalYear(JsonElement v, string path) => v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt32(out var y) && y is >= 1989 and <= 2200 => new FiscalYearReference(y, 0),
            JsonValueKind.String when v.GetString() == "current" => new FiscalYearReference(null, 0),
            JsonValueKind.String when v.GetString() == "previous" => new FiscalYearReference(null, -1),
            _ => throw Fail(path, "must be a year (e.g. 2025), \"current\" or \"previous\""),
        };

        // {"kind": "...", "active": true, "where": {"field": {"is"|"in"|"min"|"max": …}}}: a kind declared as data, its indexed fields.
        private RecordCriterion Record(JsonElement v, string path)
        {
            Fields(v, path, "kind", "active", "where");
            var name = String(v, path, "kind");
            if (_catalog.Value.Kind(name) is not { IsGeneric: true } kind)
            {
                throw Fail(path + ".kind", $"is not a record kind declared as data (known: {string.Join(", ", _catalog.Value.GenericKinds.Select(k => k.Name))})");
            }

            var active = !v.TryGetProperty("active", out var a) || Bool(a, path + ".active");
            var tests = new List<RecordFieldTest>();
            if (v.TryGetProperty("where", out var where))
            {
                Fields(where, path + ".where", [.. kind.Indexed]);
                foreach (var p in where.EnumerateObject())
                {
                    tests.Add(Test(kind.Field(p.Name)!, p.Value, $"{path}.where.{p.Name}"));
                }
            }

            IEnumerable<string> paths = [.. RecordSelection.OfKind(kind), .. tests.Select(t => kind.Name + "." + t.Field)];
            return new RecordCriterion(kind.Name, active, tests, [.. paths.Distinct(StringComparer.Ordinal)]);
        }

        private RecordFieldTest Test(CatalogField field, JsonElement v, string path)
        {
            var ordered = field.Type is "integer" or "date";
            Fields(v, path, ordered ? ["is", "in", "min", "max"] : ["is", "in"]);
            object? Value(JsonElement e, string at) => (field.Type, e.ValueKind) switch
            {
                ("string", JsonValueKind.String) => e.GetString(),
                ("integer", JsonValueKind.Number) when e.TryGetInt64(out var n) => n,
                ("boolean", JsonValueKind.True or JsonValueKind.False) => e.GetBoolean(),
                ("date", JsonValueKind.String) when DateOnly.TryParseExact(e.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
                _ => throw Fail(at, $"must be a {field.Type}{(field.Type == "date" ? " (yyyy-MM-dd)" : string.Empty)}"),
            };
            object? Optional(string name) => v.TryGetProperty(name, out var e) ? Value(e, path + "." + name) : null;
            List<object>? list = null;
            if (v.TryGetProperty("in", out var values))
            {
                list = values.ValueKind == JsonValueKind.Array
                    ? [.. values.EnumerateArray().Select((e, i) => Value(e, $"{path}.in[{i}]")!)]
                    : throw Fail(path + ".in", "must be an array");
            }

            var test = new RecordFieldTest(field.Name, field.Type, Optional("is"), list, Optional("min"), Optional("max"));
            return test is { Is: null, In: null, Min: null, Max: null } ? throw Fail(path, "a field test needs is, in, min or max") : test;
        }

        private PushTargetDefinitionException Fail(string path, string message) => new($"{source}: {path}: {message}");
    }
}
