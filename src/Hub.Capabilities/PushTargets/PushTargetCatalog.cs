namespace Hub.Capabilities.PushTargets;

/// <summary>The saved definitions of <c>schemas/push-targets</c>, loaded (and checked) once at startup.</summary>
public sealed class PushTargetCatalog(IReadOnlyDictionary<string, PushTargetDefinition> definitions)
{
    /// <summary>Definitions by id.</summary>
    public IReadOnlyDictionary<string, PushTargetDefinition> Definitions { get; } = definitions;

    /// <summary>The definition <paramref name="id"/>, or null.</summary>
    public PushTargetDefinition? Find(string id) => Definitions.GetValueOrDefault(id);
}
