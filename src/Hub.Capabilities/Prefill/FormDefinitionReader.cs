using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Records;
using Hub.Capabilities;

namespace Hub.Capabilities.Prefill;

/// <summary>
/// Reads <c>schemas/forms/*.json</c> (not <c>form.schema.json</c>) and checks each against the field catalog: every item
/// must name a scalar catalog path the hub can read (or be an applicant answer, <c>"answer": "applicant"</c>), member and
/// spouse items a per-person record; every form must name its task (事務コード), one the policy knows when the known tasks
/// are given. Every problem of every file is reported in one <see cref="HubConfigurationException"/> naming the file and
/// item, so the host exits 2 before serving.
/// </summary>
public static class FormDefinitionReader
{
    private static readonly string[] MemberRecords = ["resident", "tax", "nhi", "childAllowance"];

    /// <summary>
    /// Loads the forms of <paramref name="directory"/>. <paramref name="tasks"/>: the task codes the policy knows (e.g.
    /// <see cref="PolicyTasks.Read"/> of the default policy); a form naming another is refused. Null checks only that each
    /// form names one.
    /// </summary>
    public static FormCatalog Load(string directory, FieldCatalog catalog, IReadOnlySet<string>? tasks = null)
    {
        var problems = new List<string>();
        var forms = new List<FormDefinition>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = "schemas/forms/" + Path.GetFileName(file);
            try
            {
                if (Read(File.ReadAllText(file), name, catalog, problems) is { } form)
                {
                    if (tasks is not null && !tasks.Contains(form.Task))
                    {
                        problems.Add($"{name}: task '{form.Task}' is not a task of the policy (known: {string.Join(", ", tasks.Order(StringComparer.Ordinal))}).");
                    }

                    if (form.Id + ".json" != Path.GetFileName(file))
                    {
                        problems.Add($"{name}: id '{form.Id}' must equal the file name without .json.");
                    }

                    forms.Add(form);
                }
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: not valid JSON ({e.Message}).");
            }
        }

        if (forms.Count == 0 && problems.Count == 0)
        {
            problems.Add($"No form definitions in {directory}.");
        }

        return problems.Count > 0
            ? throw new HubConfigurationException("Form definitions are wrong:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
            : new FormCatalog(forms);
    }

    /// <summary>One form from its JSON text; problems are added to <paramref name="problems"/> (null when unusable).</summary>
    public static FormDefinition? Read(string json, string name, FieldCatalog catalog, List<string> problems)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = Text(root, "id");
        var title = Text(root, "title");
        var task = Text(root, "task");
        if (id is null || title is null || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name}: needs 'id', 'title' and an 'items' array.");
            return null;
        }

        var before = problems.Count;
        if (task is null)
        {
            problems.Add($"{name}: needs 'task', the task (事務コード) the form belongs to, e.g. \"child-allowance\".");
        }

        var applicant = Items(items, $"{name}: items", catalog, null, problems);
        // A person's records: the built-in ones and every kind declared as data (each is about one resident).
        string[] personal = [.. MemberRecords, .. catalog.GenericKinds.Select(k => k.Name)];
        var members = Section(root, "householdMembers", name, catalog, personal, problems);
        var spouse = Section(root, "spouse", name, catalog, personal, problems);
        return problems.Count > before ? null : new FormDefinition(id, title, task!, applicant, members) { Spouse = spouse };
    }

    private static FormMemberSection? Section(JsonElement root, string property, string name, FieldCatalog catalog, string[] personal, List<string> problems)
    {
        if (!root.TryGetProperty(property, out var section))
        {
            return null;
        }

        var label = Text(section, "label");
        if (label is null || !section.TryGetProperty("items", out var sectionItems) || sectionItems.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{name}: {property} needs 'label' and an 'items' array.");
            return null;
        }

        return new FormMemberSection(label, Items(sectionItems, $"{name}: {property}.items", catalog, personal, problems));
    }

    private static List<FormItem> Items(JsonElement array, string where, FieldCatalog catalog, string[]? records, List<string> problems)
    {
        var items = new List<FormItem>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var id = element.ValueKind == JsonValueKind.Object ? Text(element, "id") : null;
            var label = element.ValueKind == JsonValueKind.Object ? Text(element, "label") : null;
            var path = element.ValueKind == JsonValueKind.Object ? Text(element, "path") : null;
            var answer = element.ValueKind == JsonValueKind.Object ? Text(element, "answer") : null;
            var applies = element.ValueKind == JsonValueKind.Object ? Text(element, "for") : null;
            var item = $"{where}[{index}] '{id ?? "?"}'";
            index++;
            if (id is null || label is null || (path is null) == (answer is null))
            {
                problems.Add($"{item}: needs 'id', 'label' and either 'path' (a catalog path) or \"answer\": \"applicant\" (no core system holds it).");
                continue;
            }

            var condition = applies switch
            {
                null => FormItemCondition.Everyone,
                "foreignResident" => FormItemCondition.ForeignResident,
                _ => (FormItemCondition?)null,
            };
            if (condition is null)
            {
                problems.Add($"{item} ({label}): 'for' must be \"foreignResident\" (or absent, for everyone).");
            }
            else if (answer is not null)
            {
                if (answer != "applicant")
                {
                    problems.Add($"{item} ({label}): 'answer' must be \"applicant\".");
                }
                else if (items.Any(i => i.Id == id))
                {
                    problems.Add($"{item}: the id is used twice.");
                }
                else
                {
                    items.Add(new FormItem(id, label, null, condition.Value));
                }
            }
            else if (!catalog.Contains(path!))
            {
                problems.Add($"{item} ({label}): '{path}' is not a path of the field catalog (schemas/records).");
            }
            else if (!CatalogValues.CanRead(path!, catalog))
            {
                problems.Add($"{item} ({label}): '{path}' is not a scalar field; a form item holds one value.");
            }
            else if (records is not null && !records.Contains(path![..path!.IndexOf('.', StringComparison.Ordinal)], StringComparer.Ordinal))
            {
                problems.Add($"{item} ({label}): '{path}' does not belong to a person; member items take {string.Join(", ", records.Select(r => r + ".*"))}.");
            }
            else if (items.Any(i => i.Id == id))
            {
                problems.Add($"{item}: the id is used twice.");
            }
            else
            {
                items.Add(new FormItem(id, label, path, condition.Value));
            }
        }

        return items;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
