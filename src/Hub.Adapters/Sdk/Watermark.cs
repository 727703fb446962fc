namespace Hub.Adapters.Sdk;

/// <summary>How far a source has been read (取込位置): opaque to the host, meaningful to its adapter.</summary>
/// <param name="Value">The adapter's encoding of the position; empty for "from the start".</param>
public readonly record struct Watermark(string Value)
{
    /// <summary>Nothing read yet.</summary>
    public static Watermark Start { get; } = new(string.Empty);

    /// <summary>True for <see cref="Start"/>.</summary>
    public bool IsStart => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
