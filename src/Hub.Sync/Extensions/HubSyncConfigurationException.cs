namespace Hub.Sync;

/// <summary>Sync settings (retries, schedules) are wrong: the message lists every problem, naming each setting.</summary>
public sealed class HubSyncConfigurationException : Exception
{
    public HubSyncConfigurationException()
    {
    }

    public HubSyncConfigurationException(string message)
        : base(message)
    {
    }

    public HubSyncConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
