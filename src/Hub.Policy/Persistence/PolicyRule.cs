namespace Hub.Policy.Persistence;

/// <summary>One policy line: its type (<c>p</c>, <c>g2</c> …) and values, with where it came from.</summary>
/// <param name="Type">The policy or role type, e.g. <c>p</c> or <c>g</c>.</param>
/// <param name="Values">The values after the type, as Casbin reads them (leading spaces trimmed, quotes removed).</param>
/// <param name="Line">1-based line in the source text; 0 when the rule was added through the API.</param>
public sealed record PolicyRule(string Type, IReadOnlyList<string> Values, int Line = 0)
{
    /// <summary>The rule as a CSV line the way Casbin writes it, quoting values that need it.</summary>
    public override string ToString() => string.Join(", ", new[] { Type }.Concat(Values.Select(Quote)));

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) || value.StartsWith(' ')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
