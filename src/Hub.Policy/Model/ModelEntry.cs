namespace Hub.Policy.Model;

/// <summary>One <c>key = value</c> line of a model section (after comments and continuations are removed).</summary>
/// <param name="Key">The key, e.g. <c>p</c>, <c>g2</c>, <c>m</c>.</param>
/// <param name="Value">The value with comments removed and whitespace trimmed.</param>
/// <param name="Line">1-based line where the entry starts.</param>
/// <param name="ValueColumn">1-based column where the value starts on that line.</param>
public sealed record ModelEntry(string Key, string Value, int Line, int ValueColumn);
