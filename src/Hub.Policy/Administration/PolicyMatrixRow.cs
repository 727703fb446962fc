using Hub.Policy.Masks;

namespace Hub.Policy.Administration;

/// <summary>One row of the 事務 × 項目 matrix: a role in a task, with its decision per field and action.</summary>
/// <param name="Task">The task code (事務コード).</param>
/// <param name="Role">The role.</param>
/// <param name="Cells">Per catalog path, the decisions for read, extract and lookup (in <see cref="PolicyCell.Actions"/> order).</param>
public sealed record PolicyMatrixRow(string Task, string Role, IReadOnlyDictionary<string, IReadOnlyList<FieldDecision>> Cells);
