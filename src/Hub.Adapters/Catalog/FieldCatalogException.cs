namespace Hub.Adapters.Catalog;

/// <summary>
/// The record schemas of <c>schemas/records</c> contradict themselves: an unknown type, a path declared twice, a missing
/// key, a key, subject, dating or indexed field that is not declared. Each problem names the file and the JSON path.
/// </summary>
public sealed class FieldCatalogException : Exception
{
    /// <summary>Creates the exception listing every problem.</summary>
    public FieldCatalogException(string directory, IReadOnlyList<string> problems)
        : base($"The record schemas in {directory} are wrong ({problems?.Count ?? 0} problem(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems ?? []))
    {
        Problems = problems ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public FieldCatalogException()
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public FieldCatalogException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public FieldCatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Each problem: <c>file: $.json.path: what is wrong</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
