namespace Hub.Api.Security;

/// <summary>Authentication settings are unusable (e.g. the development signing key outside Development). The message names each setting.</summary>
public sealed class HubAuthConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubAuthConfigurationException()
    {
    }

    /// <summary>Creates the exception with a message naming the settings.</summary>
    public HubAuthConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public HubAuthConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
