using Hub.Policy.Matchers.Syntax;

namespace Hub.Policy.Matchers;

/// <summary>A matcher parsed once and compiled into a delegate, with what the enforcer needs to know about it.</summary>
internal sealed record CompiledMatcher(
    string Text,
    MatcherNode Syntax,
    Func<EvaluationFrame, object?> Evaluate,
    MatcherScope Scope,
    bool ReadsPolicy,
    bool HasEval);
