namespace Hub.Sync.Resilience;

/// <summary>A source kept failing transiently and the run gave up; the message says how often and the last error.</summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException()
    {
    }

    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
