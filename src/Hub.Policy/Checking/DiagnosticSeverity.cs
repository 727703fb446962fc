namespace Hub.Policy.Checking;

/// <summary>How serious a finding of <see cref="PolicyChecker"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The policy would decide in a way its author likely did not mean; it still loads.</summary>
    Warning,

    /// <summary>The model or policy cannot be used; a version with errors is never published.</summary>
    Error,
}
