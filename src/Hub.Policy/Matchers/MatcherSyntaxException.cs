namespace Hub.Policy.Matchers;

/// <summary>A matcher (or an <c>eval()</c> rule) that cannot be parsed or compiled; <see cref="Position"/> is the 0-based offset in the expression.</summary>
public sealed class MatcherSyntaxException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="position"/> of <paramref name="expression"/>.</summary>
    public MatcherSyntaxException(string expression, int position, string problem)
        : base($"{problem} at column {position + 1} of '{expression}'")
    {
        Expression = expression;
        Position = position;
        Problem = problem;
    }

    /// <summary>The expression that failed.</summary>
    public string Expression { get; }

    /// <summary>0-based offset of the problem.</summary>
    public int Position { get; }

    /// <summary>The problem alone.</summary>
    public string Problem { get; }
}
