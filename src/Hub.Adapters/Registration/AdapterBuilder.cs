using System.Text.RegularExpressions;
using Hub.Adapters.Sdk;

namespace Hub.Adapters;

/// <summary>
/// Collects the hub's sources (<c>hub.Adapters.AddResidentRegistryCsv("registry", o => …)</c>). Each
/// <c>Add…</c> method validates its options at once and throws <see cref="AdapterOptionsException"/>
/// listing every problem; names are unique (case-insensitive). Not thread-safe: configure at startup.
/// </summary>
public sealed partial class AdapterBuilder
{
    private readonly List<AdapterRegistration> _registrations = [];

    /// <summary>The registrations, in the order they were added.</summary>
    public IReadOnlyList<AdapterRegistration> Registrations => _registrations;

    /// <summary>Adds a registration; throws when the name is empty, malformed or taken.</summary>
    public AdapterBuilder Add(AdapterRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(registration.Name) || !NamePattern().IsMatch(registration.Name))
        {
            problems.Add("Name must be 1–64 characters of a–z, A–Z, 0–9, '-', '_' or '.'.");
        }
        else if (_registrations.Exists(r => string.Equals(r.Name, registration.Name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"Name '{registration.Name}' is already registered.");
        }

        if (string.IsNullOrWhiteSpace(registration.SourceSystem))
        {
            problems.Add("SourceSystem is required.");
        }

        if (problems.Count > 0)
        {
            throw new AdapterOptionsException(registration.Name ?? string.Empty, problems);
        }

        _registrations.Add(registration);
        return this;
    }

    /// <summary>Configures <typeparamref name="TOptions"/>, validates them and adds a registration that creates the adapter from them.</summary>
    public AdapterBuilder Add<TOptions>(string name, string sourceSystem, Action<TOptions> configure, Func<TOptions, IServiceProvider, ISourceAdapter> create)
        where TOptions : AdapterOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(create);
        var options = new TOptions();
        configure(options);
        options.ThrowIfInvalid(name);
        return Add(new AdapterRegistration(name, sourceSystem, sp => create(options, sp)));
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
