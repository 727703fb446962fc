namespace Hub.Policy.Functions;

/// <summary>
/// A function callable from a matcher. <see cref="Invoke"/> takes the evaluated arguments (strings, doubles,
/// booleans, arrays, attribute objects) and returns a value; <see cref="StringPredicate"/>, when set, is a fast
/// path for two string arguments that the compiler uses instead.
/// </summary>
/// <param name="Name">The name used in matchers, e.g. <c>keyMatch2</c>.</param>
/// <param name="Invoke">The general form.</param>
/// <param name="StringPredicate">Optional fast form for two string arguments returning a boolean.</param>
public sealed record MatcherFunction(string Name, Func<object?[], object?> Invoke, Func<string, string, bool>? StringPredicate = null);
