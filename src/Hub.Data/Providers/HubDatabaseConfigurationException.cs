namespace Hub.Data.Providers;

/// <summary>A database setting is wrong or the database cannot be reached; the message names the setting.</summary>
public sealed class HubDatabaseConfigurationException : Exception
{
    public HubDatabaseConfigurationException()
    {
    }

    public HubDatabaseConfigurationException(string message)
        : base(message)
    {
    }

    public HubDatabaseConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
