namespace Hub.Capabilities.Intake;

/// <summary>
/// Named points between submission and delivery where the crash test kills the process: when the environment variable
/// <c>HUB_INTAKE_CRASH_AT</c> names a point (<c>name</c>, or <c>name:n</c> for its n-th hit in the process), reaching it ends
/// the process stops there: it prints <c>intake-crash-point {name}</c> on standard output and waits, so that the test kills it
/// (SIGKILL: no finally blocks, no flush, as a power cut). Unset in every real deployment.
/// </summary>
public static class IntakeCrashPoints
{
    /// <summary>The environment variable naming the point to die at.</summary>
    public const string Variable = "HUB_INTAKE_CRASH_AT";

    private static readonly (string Name, int Hit)? Target = Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>What the process prints when it stops at a point, followed by the point's name.</summary>
    public const string Reached = "intake-crash-point ";

    private static int _hits;

    /// <summary>Every point, in the order a submission and its delivery pass them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "submit-claimed", "submit-prefilled", "submit-before-notice-outbox", "submit-before-commit", "submit-committed",
        "deliver-picked", "deliver-released", "deliver-written", "deliver-before-mark", "deliver-marked",
    ];

    /// <summary>Dies here when the variable names <paramref name="point"/> (at its n-th hit when it says so).</summary>
    public static void Hit(string point)
    {
        if (Target is { } target && string.Equals(target.Name, point, StringComparison.Ordinal) && Interlocked.Increment(ref _hits) == target.Hit)
        {
            Console.Out.WriteLine(Reached + point);
            Console.Out.Flush();
            Thread.Sleep(Timeout.Infinite);
        }
    }

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var n) ? (value[..colon], n) : (value, 1);
    }
}
