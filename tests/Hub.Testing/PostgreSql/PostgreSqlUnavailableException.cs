namespace Hub.Testing.PostgreSql;

/// <summary>No PostgreSQL server could be started or reached; the message says why.</summary>
public sealed class PostgreSqlUnavailableException : Exception
{
    public PostgreSqlUnavailableException()
    {
    }

    public PostgreSqlUnavailableException(string message)
        : base(message)
    {
    }

    public PostgreSqlUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
