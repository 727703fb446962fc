namespace Hub.Capabilities.Requests;

/// <summary>
/// Names in the policy that are not users: roles (<c>role:…</c>, given by <c>g</c> lines) and the grounds the hub grants a
/// resident per request (<c>ground:…</c>, <see cref="Agency.AgencyGround"/>). A token whose <c>sub</c> is such a name
/// must not read as the role itself (Casbin lets a name hold itself), so a staff request under one gets no mask.
/// </summary>
public static class PolicySubjects
{
    /// <summary>True when <paramref name="userId"/> names a role or a ground rather than a user.</summary>
    public static bool IsRoleOrGround(string userId) =>
        userId.StartsWith("role:", StringComparison.Ordinal) || userId.StartsWith("ground:", StringComparison.Ordinal);
}
