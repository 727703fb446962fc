using System.Text.Json;

namespace Hub.Capabilities.LifeEvents;

/// <summary>
/// Reads <c>schemas/life-events/*.json</c>. Every problem — an unknown key, fact, form or event, a test that does
/// not fit the fact's kind, a <c>{placeholder}</c> naming no fact, a missing event — is collected and reported in
/// one <see cref="LifeEventRulesException"/>, so the hub fails at startup with the whole list.
/// </summary>
public static class LifeEventRuleReader
{
    /// <summary>Event names as the files spell them.</summary>
    public static IReadOnlyDictionary<string, LifeEventKind> EventNames { get; } = new Dictionary<string, LifeEventKind>(StringComparer.Ordinal)
    {
        ["BIRTH"] = LifeEventKind.Birth,
        ["MOVE_IN"] = LifeEventKind.MoveIn,
        ["MOVE_OUT"] = LifeEventKind.MoveOut,
        ["MOVE_WITHIN"] = LifeEventKind.MoveWithin,
        ["DEATH"] = LifeEventKind.Death,
        ["MARRIAGE"] = LifeEventKind.Marriage,
        ["DIVORCE"] = LifeEventKind.Divorce,
        ["RETIREMENT"] = LifeEventKind.Retirement,
    };

    /// <summary>Every rule file of <paramref name="directory"/>; <paramref name="knownForms"/> are the form ids of <c>schemas/forms</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="knownForms">The form ids of <c>schemas/forms</c>.</param>
    /// <param name="facts">The facts rules may test (default: those of the default catalog).</param>
    public static IReadOnlyDictionary<LifeEventKind, LifeEventRuleSet> LoadDirectory(string directory, IReadOnlySet<string> knownForms, LifeEventFacts? facts = null)
    {
        facts ??= LifeEventFacts.For(Hub.Adapters.Catalog.FieldCatalog.LoadDefault());
        var problems = new List<string>();
        var sets = new Dictionary<LifeEventKind, LifeEventRuleSet>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var set = new Reader(Path.GetFileName(file), knownForms, problems, facts).File(File.ReadAllText(file));
            if (set is not null && !sets.TryAdd(set.Event, set))
            {
                problems.Add($"{Path.GetFileName(file)}: $.event: a second file for {set.Event}");
            }
        }

        foreach (var missing in EventNames.Where(e => !sets.ContainsKey(e.Value)))
        {
            problems.Add($"{directory}: no rules for {missing.Key}");
        }

        return problems.Count == 0
            ? sets
            : throw new LifeEventRulesException($"Life-event rules in {directory} are invalid ({problems.Count} problem(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    /// <summary>One rule file's text; throws with every problem.</summary>
    public static LifeEventRuleSet Parse(string json, string source, IReadOnlySet<string> knownForms, LifeEventFacts? facts = null)
    {
        var problems = new List<string>();
        var set = new Reader(source, knownForms, problems, facts ?? LifeEventFacts.For(Hub.Adapters.Catalog.FieldCatalog.LoadDefault())).File(json);
        return problems.Count == 0 && set is not null ? set : throw new LifeEventRulesException(string.Join(Environment.NewLine, problems));
    }

    private sealed class Reader(string source, IReadOnlySet<string> forms, List<string> problems, LifeEventFacts facts)
    {
        public LifeEventRuleSet? File(string json)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                problems.Add($"{source}: not valid JSON: {e.Message}");
                return null;
            }

            using (document)
            {
                var root = document.RootElement;
                Keys(root, "$", "$schema", "event", "title", "procedures");
                var name = Text(root, "$", "event");
                var title = Text(root, "$", "title");
                LifeEventKind kind = default;
                if (name is not null && !EventNames.TryGetValue(name, out kind))
                {
                    problems.Add($"{source}: $.event: unknown event '{name}' (known: {string.Join(", ", EventNames.Keys)})");
                }

                var procedures = new List<LifeEventProcedureRule>();
                if (!root.TryGetProperty("procedures", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{source}: $.procedures: required, an array");
                }
                else
                {
                    var i = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        if (Procedure(item, $"$.procedures[{i++}]") is { } p)
                        {
                            if (procedures.Any(x => x.Id == p.Id))
                            {
                                problems.Add($"{source}: $.procedures[{i - 1}].id: duplicate '{p.Id}'");
                            }

                            procedures.Add(p);
                        }
                    }
                }

                return name is null || title is null ? null : new LifeEventRuleSet(kind, title, procedures);
            }
        }

        private LifeEventProcedureRule? Procedure(JsonElement e, string path)
        {
            if (!Keys(e, path, "id", "name", "department", "when", "reason", "form", "done", "doneReason"))
            {
                return null;
            }

            var id = Text(e, path, "id");
            var name = Text(e, path, "name");
            var department = Text(e, path, "department");
            var reason = Text(e, path, "reason");
            var when = e.TryGetProperty("when", out var w) ? Condition(w, path + ".when") : Missing(path + ".when");
            LifeEventCondition? done = e.TryGetProperty("done", out var d) ? Condition(d, path + ".done") : null;
            string? form = null;
            if (e.TryGetProperty("form", out var f) && f.ValueKind != JsonValueKind.Null)
            {
                form = f.GetString();
                if (form is null || !forms.Contains(form))
                {
                    problems.Add($"{source}: {path}.form: unknown form '{form ?? f.ToString()}' (schemas/forms has: {string.Join(", ", forms.Order(StringComparer.Ordinal))})");
                }
            }

            string? doneReason = e.TryGetProperty("doneReason", out var dr) ? dr.GetString() : null;
            foreach (var text in new[] { (reason, ".reason"), (doneReason, ".doneReason") })
            {
                foreach (var fact in LifeEventTemplate.Facts(text.Item1))
                {
                    if (!facts.Catalog.ContainsKey(fact))
                    {
                        problems.Add($"{source}: {path}{text.Item2}: unknown fact '{{{fact}}}'");
                    }
                }
            }

            return id is null || name is null || department is null || reason is null || when is null
                ? null
                : new LifeEventProcedureRule(id, name, department, when, reason, form, done, doneReason);
        }

        private LifeEventCondition? Condition(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{source}: {path}: a condition must be an object");
                return null;
            }

            if (e.TryGetProperty("fact", out var fact))
            {
                return Fact(e, fact.GetString() ?? string.Empty, path);
            }

            var keys = e.EnumerateObject().ToList();
            if (keys.Count != 1)
            {
                problems.Add($"{source}: {path}: a condition has one of all, any, not, always, or fact with is/atLeast/atMost/in");
                return null;
            }

            var (key, value) = (keys[0].Name, keys[0].Value);
            switch (key)
            {
                case "always" when value.ValueKind == JsonValueKind.True:
                    return new AlwaysCondition();
                case "all" or "any" when value.ValueKind == JsonValueKind.Array:
                    var items = value.EnumerateArray().Select((x, i) => Condition(x, $"{path}.{key}[{i}]")).ToList();
                    return items.Any(x => x is null) ? null : key == "all" ? new AllCondition(items!) : new AnyCondition(items!);
                case "not":
                    return Condition(value, path + ".not") is { } inner ? new NotCondition(inner) : null;
                default:
                    problems.Add($"{source}: {path}.{key}: unknown field");
                    return null;
            }
        }

        private FactCondition? Fact(JsonElement e, string fact, string path)
        {
            if (!Keys(e, path, "fact", "is", "atLeast", "atMost", "in"))
            {
                return null;
            }

            if (!facts.Catalog.TryGetValue(fact, out var known))
            {
                problems.Add($"{source}: {path}.fact: unknown fact '{fact}' (known: {string.Join(", ", facts.Catalog.Keys)})");
                return null;
            }

            object? @is = null;
            if (e.TryGetProperty("is", out var v))
            {
                @is = (known.Kind, v.ValueKind) switch
                {
                    (LifeEventFactKind.Boolean, JsonValueKind.True or JsonValueKind.False) => v.GetBoolean(),
                    (LifeEventFactKind.Text, JsonValueKind.String) => v.GetString(),
                    _ => Wrong(path + ".is", fact, known.Kind),
                };
            }

            int? Number(string name)
            {
                if (!e.TryGetProperty(name, out var n))
                {
                    return null;
                }

                if (known.Kind != LifeEventFactKind.Number || !n.TryGetInt32(out var i))
                {
                    Wrong($"{path}.{name}", fact, known.Kind);
                    return null;
                }

                return i;
            }

            var atLeast = Number("atLeast");
            var atMost = Number("atMost");
            List<string>? @in = null;
            if (e.TryGetProperty("in", out var list))
            {
                if (known.Kind != LifeEventFactKind.Text || list.ValueKind != JsonValueKind.Array)
                {
                    Wrong(path + ".in", fact, known.Kind);
                }
                else
                {
                    @in = list.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList();
                }
            }

            if (@is is null && atLeast is null && atMost is null && @in is null)
            {
                problems.Add($"{source}: {path}: a fact test needs is, atLeast, atMost or in");
                return null;
            }

            return new FactCondition(fact, @is, atLeast, atMost, @in);
        }

        private object? Wrong(string path, string fact, LifeEventFactKind kind)
        {
            problems.Add($"{source}: {path}: does not fit '{fact}', a {kind.ToString().ToLowerInvariant()} fact");
            return null;
        }

        private LifeEventCondition? Missing(string path)
        {
            problems.Add($"{source}: {path}: required");
            return null;
        }

        private bool Keys(JsonElement e, string path, params string[] allowed)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{source}: {path}: must be an object");
                return false;
            }

            var ok = true;
            foreach (var p in e.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
            {
                problems.Add($"{source}: {path}.{p.Name}: unknown field (known: {string.Join(", ", allowed)})");
                ok = false;
            }

            return ok;
        }

        private string? Text(JsonElement e, string path, string name)
        {
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
            {
                return s;
            }

            problems.Add($"{source}: {path}.{name}: required, a non-empty string");
            return null;
        }
    }
}
