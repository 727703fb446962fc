namespace Hub.Capabilities.Audit;

/// <summary>What a response released, before it is sealed into an access record.</summary>
/// <param name="Operations">Root fields of the operation.</param>
/// <param name="Subjects">宛名番号 of the residents concerned.</param>
/// <param name="Paths">Catalog paths released.</param>
/// <param name="MyNumberUsed">Whether 個人番号 was read or used for a lookup.</param>
public sealed record AccessEntry(IReadOnlyList<string> Operations, IReadOnlyList<string> Subjects, IReadOnlyList<string> Paths, bool MyNumberUsed);
