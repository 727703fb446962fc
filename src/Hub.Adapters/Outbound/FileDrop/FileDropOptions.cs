namespace Hub.Adapters.Outbound.FileDrop;

/// <summary>Settings of the built-in file-drop department adapter.</summary>
public sealed class FileDropOptions
{
    /// <summary>The folder legs are dropped into, one subfolder per task (default <c>data/intake/outbox</c>).</summary>
    public string Directory { get; set; } = Path.Combine("data", "intake", "outbox");

    /// <summary><c>json</c>, <c>csv</c> or <c>both</c> (default both).</summary>
    public string Format { get; set; } = "both";
}
