namespace Hub.Policy.Administration;

/// <summary>
/// A publication lost a race (公開の競合): the version in force is no longer the one the publisher saw, or the draft
/// changed after it was checked. Nothing was published; the version in force stays.
/// </summary>
public sealed class PolicyVersionConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="version"/>.</summary>
    public PolicyVersionConflictException(int version, string message)
        : base(message) => Version = version;

    /// <summary>Creates the exception with no version.</summary>
    public PolicyVersionConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PolicyVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PolicyVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The version whose publication was refused.</summary>
    public int Version { get; }
}
