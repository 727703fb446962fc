namespace Hub.Policy.Masks;

/// <summary>Whether a field is visible and why: the deciding rule and its legal basis (法的根拠), when one decided.</summary>
/// <param name="Allowed">Whether the field may be used for the action.</param>
/// <param name="Rule">The deciding policy rule's values; empty when denied by default.</param>
/// <param name="LegalBasis">The rule's <c>basis</c> column, when the model has one and a rule decided.</param>
public sealed record FieldDecision(bool Allowed, IReadOnlyList<string> Rule, string? LegalBasis);
