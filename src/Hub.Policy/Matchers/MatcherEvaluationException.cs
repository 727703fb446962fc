namespace Hub.Policy.Matchers;

/// <summary>A matcher that failed while deciding one request (wrong operand types, missing attribute, bad function argument).</summary>
public sealed class MatcherEvaluationException : Exception
{
    /// <summary>Creates the exception with a message that names the operation and operands' types, never their values.</summary>
    public MatcherEvaluationException(string message)
        : base(message)
    {
    }
}
