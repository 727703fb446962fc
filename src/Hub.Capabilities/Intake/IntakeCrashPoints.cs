namespace Hub.Capabilities.Intake;

/// <summary>
/// Named points between submission and delivery where the crash test kills the process: when the environment variable
/// <c>HUB_INTAKE_CRASH_AT</c> names a point, reaching it ends the process at once (no finally blocks, no flush), as a power
/// cut would. Unset in every real deployment; reading it costs one lookup per point.
/// </summary>
public static class IntakeCrashPoints
{
    /// <summary>The environment variable naming the point to die at.</summary>
    public const string Variable = "HUB_INTAKE_CRASH_AT";

    private static readonly string? Target = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Dies here when the variable names <paramref name="point"/>.</summary>
    public static void Hit(string point)
    {
        if (Target is not null && string.Equals(Target, point, StringComparison.Ordinal))
        {
            Environment.FailFast("intake crash point " + point);
        }
    }
}
