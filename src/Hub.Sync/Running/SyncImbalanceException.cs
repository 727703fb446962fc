namespace Hub.Sync.Running;

/// <summary>A run's counts do not add up: a record was lost or counted twice. Fails the run loudly.</summary>
public sealed class SyncImbalanceException : Exception
{
    public SyncImbalanceException()
    {
    }

    public SyncImbalanceException(string message)
        : base(message)
    {
    }

    public SyncImbalanceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
