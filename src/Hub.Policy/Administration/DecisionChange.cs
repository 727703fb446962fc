namespace Hub.Policy.Administration;

/// <summary>One (user, task, field, action) decision a draft changes, with the rules that decide before and after.</summary>
public sealed record DecisionChange(string User, string Task, string Field, string Action, bool Before, bool After, IReadOnlyList<string> RuleBefore, IReadOnlyList<string> RuleAfter);
