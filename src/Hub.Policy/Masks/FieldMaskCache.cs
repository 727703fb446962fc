using System.Collections.Concurrent;
using Hub.Policy.Enforcement;

namespace Hub.Policy.Masks;

/// <summary>
/// Field masks per (user, task) for the policy version in force. <see cref="Publish"/> swaps in a new version and an
/// empty cache in one atomic step: a request that obtained a mask keeps a consistent one, and no mask of the old
/// version is handed out after the swap.
/// </summary>
public sealed class FieldMaskCache
{
    private readonly IReadOnlyList<string> _catalogPaths;
    private volatile State? _state;

    /// <summary>Creates an empty cache whose masks precompute <paramref name="catalogPaths"/>.</summary>
    public FieldMaskCache(IEnumerable<string> catalogPaths)
    {
        ArgumentNullException.ThrowIfNull(catalogPaths);
        _catalogPaths = catalogPaths.ToArray();
    }

    /// <summary>The version in force; null before the first publish.</summary>
    public string? Version => _state?.Version;

    /// <summary>Makes <paramref name="enforcer"/> (policy <paramref name="version"/>) the one masks are computed from.</summary>
    public void Publish(string version, Enforcer enforcer)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(enforcer);
        _state = new State(version, enforcer);
    }

    /// <summary>The mask of <paramref name="user"/> in <paramref name="task"/> under the version in force.</summary>
    public FieldMask Get(string user, string task)
    {
        var state = _state ?? throw new InvalidOperationException("no policy version has been published");
        return state.Masks.GetOrAdd((user, task), key => new FieldMask(state.Enforcer, key.User, key.Task, state.Version, _catalogPaths));
    }

    private sealed record State(string Version, Enforcer Enforcer)
    {
        public ConcurrentDictionary<(string User, string Task), FieldMask> Masks { get; } = new();
    }
}
