namespace Hub.Capabilities.Intake;

/// <summary>Intake settings (<c>Hub:Intake</c>).</summary>
public sealed class IntakeOptions
{
    /// <summary>How long a submission holding an idempotency key counts as in flight before a repeat may take it over (default 30 s).</summary>
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most answers one submission may carry (default 200).</summary>
    public int MaxAnswers { get; set; } = 200;

    /// <summary>Longest answer value in characters (default 1,000).</summary>
    public int MaxAnswerLength { get; set; } = 1000;
}
