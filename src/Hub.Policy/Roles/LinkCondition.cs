namespace Hub.Policy.Roles;

/// <summary>
/// A condition on one role link of a role type with condition places (<c>g = _, _, (_, _)</c>), as Go Casbin's
/// <c>AddNamedLinkConditionFunc</c> / <c>AddNamedDomainLinkConditionFunc</c>: the link <paramref name="Name"/> →
/// <paramref name="Role"/> (in <paramref name="Domain"/>, for role types with domains) is followed only while
/// <paramref name="Condition"/>, given the link's condition values (e.g. a start and an end time), returns true.
/// Links without a registered condition are always followed.
/// </summary>
public sealed record LinkCondition(string RoleType, string Name, string Role, string? Domain, Func<IReadOnlyList<string>, bool> Condition);
