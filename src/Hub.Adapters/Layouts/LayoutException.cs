namespace Hub.Adapters.Layouts;

/// <summary>A layout file cannot be used; the message lists every problem.</summary>
public sealed class LayoutException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LayoutException(string message, IReadOnlyList<string> problems) : base(message) => Problems = problems;

    /// <summary>Creates the exception.</summary>
    public LayoutException() : this("The layout cannot be used.", [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LayoutException(string message) : this(message, [message])
    {
    }

    /// <summary>Creates the exception.</summary>
    public LayoutException(string message, Exception innerException) : base(message, innerException) => Problems = [message];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
