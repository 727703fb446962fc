namespace Hub.Policy.Checking;

/// <summary>One finding about a model or policy, with its place (1-based line and column; 0 when not tied to a line).</summary>
public sealed record PolicyDiagnostic(DiagnosticSeverity Severity, string Source, int Line, int Column, string Message)
{
    /// <summary>Compiler-style text: <c>policy.csv(12,1): warning: …</c>.</summary>
    public override string ToString() =>
        $"{Source}({Line},{Column}): {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
