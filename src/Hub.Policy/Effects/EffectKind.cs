namespace Hub.Policy.Effects;

/// <summary>The policy effects Casbin supports (<c>[policy_effect]</c>).</summary>
public enum EffectKind
{
    /// <summary><c>some(where (p.eft == allow))</c>: allowed when any matching rule allows.</summary>
    AllowOverride,

    /// <summary><c>!some(where (p.eft == deny))</c>: allowed unless a matching rule denies.</summary>
    DenyOverride,

    /// <summary><c>some(where (p.eft == allow)) &amp;&amp; !some(where (p.eft == deny))</c>: deny by default, deny overrides allow.</summary>
    AllowAndDeny,

    /// <summary><c>priority(p.eft) || deny</c>: the first matching rule (in priority order) with an allow or deny decides.</summary>
    Priority,

    /// <summary><c>subjectPriority(p.eft) || deny</c>: like <see cref="Priority"/> with rules ordered by the subject's depth in the role hierarchy.</summary>
    SubjectPriority,
}
