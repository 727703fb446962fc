namespace Hub.Adapters.Sdk;

/// <summary>An adapter's options are invalid; the message lists every problem, one per line.</summary>
public sealed class AdapterOptionsException : Exception
{
    /// <summary>Creates the exception for adapter <paramref name="adapterName"/>.</summary>
    public AdapterOptionsException(string adapterName, IReadOnlyList<string> problems)
        : base(Format(adapterName, problems))
    {
        AdapterName = adapterName;
        Problems = problems;
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public AdapterOptionsException() : this("adapter", ["options are invalid"])
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public AdapterOptionsException(string message) : this("adapter", [message])
    {
    }

    /// <summary>Creates an exception with a plain message.</summary>
    public AdapterOptionsException(string message, Exception innerException) : base(message, innerException)
    {
        AdapterName = "adapter";
        Problems = [message];
    }

    /// <summary>The adapter registration's name.</summary>
    public string AdapterName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string name, IReadOnlyList<string> problems) =>
        $"Adapter '{name}' has {problems.Count} invalid setting(s):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}";
}
