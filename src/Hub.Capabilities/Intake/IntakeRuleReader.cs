using System.Text.Json;
using System.Text.RegularExpressions;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;

namespace Hub.Capabilities.Intake;

/// <summary>
/// Reads the intake rules against <c>intake.schema.json</c>'s shape and the life-event rules: an unknown key, event or
/// procedure, a procedure of the event neither opening a leg nor guidance only, a department other than the life-event
/// rule's, a form of another task, an SLA out of 1–365 days — every problem is collected into one
/// <see cref="LifeEventRulesException"/>, so the hub fails at startup with the whole list.
/// </summary>
public static partial class IntakeRuleReader
{
    /// <summary>Parses one rule file's text; throws with every problem.</summary>
    public static IntakeRules Parse(string json, string source, LifeEventRules lifeEvents, FormCatalog forms)
    {
        ArgumentNullException.ThrowIfNull(lifeEvents);
        ArgumentNullException.ThrowIfNull(forms);
        var problems = new List<string>();
        var events = new Dictionary<LifeEventKind, IntakeEventRules>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new LifeEventRulesException($"{source}: not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            Keys(root, "$", problems, source, "$schema", "events");
            if (!root.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{source}: $.events: required, an object keyed by event");
            }
            else
            {
                foreach (var e in list.EnumerateObject())
                {
                    var at = $"$.events.{e.Name}";
                    if (!LifeEventRuleReader.EventNames.TryGetValue(e.Name, out var kind))
                    {
                        problems.Add($"{source}: {at}: unknown event (known: {string.Join(", ", LifeEventRuleReader.EventNames.Keys)})");
                        continue;
                    }

                    if (Event(e.Value, at, lifeEvents.Sets[kind], forms, problems, source) is { } rules)
                    {
                        events[kind] = rules;
                    }
                }
            }
        }

        return problems.Count == 0
            ? new IntakeRules(events)
            : throw new LifeEventRulesException($"Intake rules {source} are invalid ({problems.Count} problem(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    private static IntakeEventRules? Event(JsonElement e, string at, LifeEventRuleSet set, FormCatalog forms, List<string> problems, string source)
    {
        if (!Keys(e, at, problems, source, "legs", "guidanceOnly"))
        {
            return null;
        }

        var procedures = set.Procedures.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var legs = new Dictionary<string, IntakeLegRule>(StringComparer.Ordinal);
        var guidance = new HashSet<string>(StringComparer.Ordinal);
        if (!e.TryGetProperty("legs", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{source}: {at}.legs: required, an array");
        }
        else
        {
            var i = 0;
            foreach (var leg in list.EnumerateArray())
            {
                var path = $"{at}.legs[{i++}]";
                if (!Keys(leg, path, problems, source, "procedure", "department", "task", "role", "slaDays"))
                {
                    continue;
                }

                var id = Text(leg, path, "procedure", problems, source);
                var department = Text(leg, path, "department", problems, source);
                var task = Text(leg, path, "task", problems, source);
                var role = Text(leg, path, "role", problems, source);
                int? sla = leg.TryGetProperty("slaDays", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var days) ? days : null;
                if (sla is not (>= 1 and <= 365))
                {
                    problems.Add($"{source}: {path}.slaDays: required, an integer from 1 to 365");
                }

                if (role is not null && !RolePattern().IsMatch(role))
                {
                    problems.Add($"{source}: {path}.role: '{role}' is no policy role (role:…)");
                }

                if (id is null || department is null || task is null || role is null || sla is null)
                {
                    continue;
                }

                if (!procedures.TryGetValue(id, out var procedure))
                {
                    problems.Add($"{source}: {path}.procedure: '{id}' is no procedure of the {set.Event} rules");
                    continue;
                }

                if (procedure.Department != department)
                {
                    problems.Add($"{source}: {path}.department: '{department}' differs from the life-event rule's '{procedure.Department}'");
                }

                if (procedure.FormId is { } formId && forms.Find(formId) is { } form && form.Task != task)
                {
                    problems.Add($"{source}: {path}.task: '{task}' differs from the task '{form.Task}' of its form {formId}");
                }

                if (!legs.TryAdd(id, new IntakeLegRule(id, procedure.Name, department, task, role, sla.Value, procedure.FormId)))
                {
                    problems.Add($"{source}: {path}.procedure: '{id}' twice");
                }
            }
        }

        if (e.TryGetProperty("guidanceOnly", out var only))
        {
            foreach (var g in only.EnumerateArray())
            {
                if (g.GetString() is not { } id || !procedures.ContainsKey(id))
                {
                    problems.Add($"{source}: {at}.guidanceOnly: '{g}' is no procedure of the {set.Event} rules");
                }
                else if (legs.ContainsKey(id) || !guidance.Add(id))
                {
                    problems.Add($"{source}: {at}.guidanceOnly: '{id}' is listed twice");
                }
            }
        }

        foreach (var missing in procedures.Keys.Where(p => !legs.ContainsKey(p) && !guidance.Contains(p)))
        {
            problems.Add($"{source}: {at}: procedure '{missing}' neither opens a leg nor is guidanceOnly");
        }

        return new IntakeEventRules(legs, guidance);
    }

    private static bool Keys(JsonElement e, string path, List<string> problems, string source, params string[] allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{source}: {path}: must be an object");
            return false;
        }

        foreach (var p in e.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
        {
            problems.Add($"{source}: {path}.{p.Name}: unknown key (allowed: {string.Join(", ", allowed)})");
        }

        return true;
    }

    private static string? Text(JsonElement e, string path, string name, List<string> problems, string source)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
        {
            return s;
        }

        problems.Add($"{source}: {path}.{name}: required, a non-empty string");
        return null;
    }

    [GeneratedRegex("^role:[a-z0-9-]+$")]
    private static partial Regex RolePattern();
}
