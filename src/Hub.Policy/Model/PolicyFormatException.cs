namespace Hub.Policy.Model;

/// <summary>
/// A model (<c>model.conf</c>) or policy (CSV) text that cannot be read, with the place of the problem.
/// </summary>
public sealed class PolicyFormatException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/> and <paramref name="column"/> (both 1-based, 0 when unknown).</summary>
    public PolicyFormatException(string source, int line, int column, string problem)
        : base($"{source}({line},{column}): {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file name or label of the text that failed.</summary>
    public new string Source { get; }

    /// <summary>1-based line of the problem; 0 when the problem concerns the whole text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the problem; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The problem alone, without its place.</summary>
    public string Problem { get; }
}
