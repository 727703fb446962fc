using Hub.Policy.Effects;
using Hub.Policy.Indexing;
using Hub.Policy.Matchers;

namespace Hub.Policy.Enforcement;

/// <summary>Everything about one enforce context that does not depend on the policy: the compiled matcher, the effect, the index plan.</summary>
internal sealed record DecisionPlan(
    EnforceContext Context,
    CompiledMatcher Matcher,
    EffectKind Effect,
    int EffectIndex,
    int RequestArity,
    int PolicyArity,
    IndexPlan? Index);
