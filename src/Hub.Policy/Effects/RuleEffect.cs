namespace Hub.Policy.Effects;

/// <summary>The effect a matching rule carries (its <c>eft</c> column; allow when the policy has none).</summary>
internal enum RuleEffect
{
    Allow,
    Deny,
    Indeterminate,
}
