using System.Collections.Frozen;

namespace Hub.Capabilities.Prefill;

/// <summary>The forms of <c>schemas/forms</c>, loaded and checked against the field catalog once at startup.</summary>
public sealed class FormCatalog
{
    /// <summary>The catalog path that lists a household's members; a form's member section needs read on it.</summary>
    public const string MembersPath = "household.members";

    private readonly FrozenDictionary<string, FormDefinition> _byId;

    public FormCatalog(IEnumerable<FormDefinition> forms)
    {
        _byId = forms.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        Forms = [.. _byId.Values.OrderBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>Every form, by id.</summary>
    public IReadOnlyList<FormDefinition> Forms { get; }

    /// <summary>The form with this id, or null.</summary>
    public FormDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Form id → catalog paths: what policy previews need to say which form items a draft changes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PathsByForm() =>
        Forms.ToDictionary(f => f.Id, f => f.Paths, StringComparer.Ordinal);
}
