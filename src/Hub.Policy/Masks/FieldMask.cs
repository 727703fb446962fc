using System.Collections.Concurrent;
using Hub.Policy.Enforcement;

namespace Hub.Policy.Masks;

/// <summary>
/// 項目マスク: which fields one staff user may use in one task under one policy version. Decisions for every catalog
/// field are computed when the mask is built, so answering a whole GraphQL selection is a dictionary lookup per field;
/// a path outside the catalog is decided on first use and remembered. Immutable and thread-safe.
/// </summary>
public sealed class FieldMask
{
    private static readonly string[] ActionNames = ["read", "extract", "lookup"];
    private readonly Enforcer _enforcer;
    private readonly int _basisIndex;
    private readonly ConcurrentDictionary<(string Path, FieldAction Action), FieldDecision> _decisions = new();

    internal FieldMask(Enforcer enforcer, string user, string task, string version, IEnumerable<string> catalogPaths)
    {
        _enforcer = enforcer;
        User = user;
        Task = task;
        Version = version;
        _basisIndex = enforcer.Model.PolicyDefinitions.TryGetValue("p", out var tokens) ? tokens.ToList().IndexOf("basis") : -1;
        foreach (var path in catalogPaths)
        {
            foreach (var action in Enum.GetValues<FieldAction>())
            {
                _decisions[(path, action)] = Decide(path, action);
            }
        }
    }

    /// <summary>The staff user.</summary>
    public string User { get; }

    /// <summary>The task code (事務コード).</summary>
    public string Task { get; }

    /// <summary>The policy version the mask was computed from.</summary>
    public string Version { get; }

    /// <summary>Whether <paramref name="path"/> may be used for <paramref name="action"/>.</summary>
    public bool Allows(string path, FieldAction action = FieldAction.Read) => Explain(path, action).Allowed;

    /// <summary>The decision for <paramref name="path"/> with the deciding rule and its legal basis.</summary>
    public FieldDecision Explain(string path, FieldAction action = FieldAction.Read)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _decisions.GetOrAdd((path, action), key => Decide(key.Path, key.Action));
    }

    /// <summary>The subset of <paramref name="paths"/> that may be used for <paramref name="action"/>, in the given order.</summary>
    public IReadOnlyList<string> Filter(IEnumerable<string> paths, FieldAction action = FieldAction.Read) =>
        paths.Where(p => Allows(p, action)).ToList();

    private FieldDecision Decide(string path, FieldAction action)
    {
        var result = _enforcer.EnforceEx(User, Task, path, ActionNames[(int)action]);
        var basis = result.Explain.Count > _basisIndex && _basisIndex >= 0 ? result.Explain[_basisIndex] : null;
        return new FieldDecision(result.Allowed, result.Explain, basis);
    }
}
