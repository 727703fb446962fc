namespace Hub.Adapters.Sdk;

/// <summary>
/// Base of every adapter's options. Options are validated when the adapter is registered, and every
/// problem is reported at once in one <see cref="AdapterOptionsException"/>.
/// </summary>
public abstract class AdapterOptions
{
    /// <summary>Records per batch (one host transaction each). Default 2,000; 1 to 100,000.</summary>
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Every problem with these options, each naming the setting (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BatchSize is < 1 or > 100_000)
        {
            problems.Add("BatchSize must be between 1 and 100,000.");
        }

        Validate(problems);
        return problems;
    }

    /// <summary>Throws <see cref="AdapterOptionsException"/> listing every problem, if there is any.</summary>
    public void ThrowIfInvalid(string adapterName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new AdapterOptionsException(adapterName, problems);
        }
    }

    /// <summary>Adds the problems of the derived options to <paramref name="problems"/>.</summary>
    protected abstract void Validate(List<string> problems);
}
