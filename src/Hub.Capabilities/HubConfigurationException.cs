namespace Hub.Capabilities;

/// <summary>A hub setting is wrong; the message lists every problem and names each setting. The host exits 2 with it.</summary>
public sealed class HubConfigurationException : Exception
{
    public HubConfigurationException()
    {
    }

    public HubConfigurationException(string message)
        : base(message)
    {
    }

    public HubConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
