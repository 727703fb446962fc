namespace Hub.Capabilities.Intake.Delivery;

/// <summary>Delivery of legs and notices (<c>Hub:Intake:Delivery</c>).</summary>
public sealed class IntakeDeliveryOptions
{
    /// <summary>Department (担当課) → adapter name; a department not listed uses <see cref="DefaultAdapter"/>.</summary>
    public Dictionary<string, string> Routes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The adapter of departments without a route (default <c>file-drop</c>).</summary>
    public string DefaultAdapter { get; set; } = "file-drop";

    /// <summary>Rows one round takes (default 50).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The longest wait before a failed delivery is tried again (default 10 minutes; doubling from 1 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the host runs a round (default 1 s).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
