namespace Hub.Policy.Effects;

/// <summary>
/// Folds matching rules, in policy order, into a decision exactly as Go Casbin's <c>DefaultEffector</c> does
/// (including which rule is reported as the reason). Rules that do not match never change the outcome, so the
/// merger can be fed only the candidates an index returns.
/// </summary>
internal struct EffectMerger(EffectKind kind)
{
    private int _firstAllow = -1;

    /// <summary>Feeds one matching rule; returns true when the decision is final.</summary>
    public bool Add(int index, RuleEffect effect, out bool allowed, out int reason)
    {
        allowed = false;
        reason = -1;
        switch (kind)
        {
            case EffectKind.AllowOverride when effect == RuleEffect.Allow:
                (allowed, reason) = (true, index);
                return true;
            case EffectKind.DenyOverride or EffectKind.AllowAndDeny when effect == RuleEffect.Deny:
                (allowed, reason) = (false, index);
                return true;
            case EffectKind.AllowAndDeny when effect == RuleEffect.Allow && _firstAllow < 0:
                _firstAllow = index;
                return false;
            case EffectKind.Priority or EffectKind.SubjectPriority when effect != RuleEffect.Indeterminate:
                (allowed, reason) = (effect == RuleEffect.Allow, index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The decision when every rule has been seen without a final one.</summary>
    public readonly (bool Allowed, int Reason) Finish() => kind switch
    {
        EffectKind.DenyOverride => (true, -1),
        EffectKind.AllowAndDeny when _firstAllow >= 0 => (true, _firstAllow),
        _ => (false, -1),
    };
}
