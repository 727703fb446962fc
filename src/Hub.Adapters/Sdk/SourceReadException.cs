namespace Hub.Adapters.Sdk;

/// <summary>
/// A source could not be read (HTTP 500, a malformed page, a truncated file). The message says where and
/// what, never a personal value. <see cref="IsTransient"/> tells the host whether retrying may help.
/// </summary>
public sealed class SourceReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SourceReadException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>Creates a non-transient exception.</summary>
    public SourceReadException() : this("The source could not be read.", false)
    {
    }

    /// <summary>Creates a non-transient exception.</summary>
    public SourceReadException(string message) : this(message, false)
    {
    }

    /// <summary>Creates a non-transient exception.</summary>
    public SourceReadException(string message, Exception innerException) : this(message, false, innerException)
    {
    }

    /// <summary>True when retrying later may succeed (5xx, timeouts, refused connections).</summary>
    public bool IsTransient { get; }
}
