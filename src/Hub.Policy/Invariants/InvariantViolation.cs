namespace Hub.Policy.Invariants;

/// <summary>
/// 反例: a (subject, task, field, action) a policy allows although an invariant forbids it, with the rule that allows it.
/// </summary>
/// <param name="Invariant">The invariant violated.</param>
/// <param name="Subject">The role or staff user.</param>
/// <param name="Task">The task code.</param>
/// <param name="Field">The catalog path.</param>
/// <param name="Action">read, extract or lookup.</param>
/// <param name="Rule">The allowing rule's values.</param>
/// <param name="Count">How many (subject, task, field, action) violate the invariant in all; this one is the first.</param>
public sealed record InvariantViolation(PolicyInvariant Invariant, string Subject, string Task, string Field, string Action, IReadOnlyList<string> Rule, int Count)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"invariant {Invariant.Id} ({Invariant.Statement}) is violated {Count} time(s), e.g. {Subject} may {Action} {Field} in task {Task} by rule: {string.Join(", ", Rule)}";
}
