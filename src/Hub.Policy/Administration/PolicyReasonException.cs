namespace Hub.Policy.Administration;

/// <summary>
/// A policy change without a reason (理由): every draft, edit, publication and rollback is kept in the policy audit trail
/// with why it was made, so an empty or blank reason is refused and nothing changes.
/// </summary>
public sealed class PolicyReasonException() : ArgumentException("a reason is required: every policy change is recorded with why it was made", "reason");
