namespace Hub.Capabilities.Audit;

/// <summary>
/// What one request released: catalog paths, the residents they belong to, whether 個人番号 was read or used. Filled
/// by the enforcement middleware as fields resolve (concurrently), turned into one <see cref="AccessEntry"/> before the
/// response is written.
/// </summary>
public sealed class AccessCollector
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _subjects = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _operations = new(StringComparer.Ordinal);
    private bool _myNumber;

    /// <summary>True once any personal data was released.</summary>
    public bool HasPersonalData
    {
        get
        {
            lock (_gate)
            {
                return _paths.Count > 0 || _subjects.Count > 0;
            }
        }
    }

    /// <summary>Notes a root field of the operation (e.g. <c>resident</c>, <c>prefill</c>).</summary>
    public void AddOperation(string rootField)
    {
        lock (_gate)
        {
            _operations.Add(rootField);
        }
    }

    /// <summary>Notes residents a response concerns even when none of their fields was released (e.g. a form whose items were all withheld).</summary>
    public void AddSubjects(IEnumerable<string> subjects)
    {
        lock (_gate)
        {
            _subjects.UnionWith(subjects);
        }
    }

    /// <summary>Notes that <paramref name="path"/> of <paramref name="subjects"/> was released.</summary>
    public void Add(string path, IEnumerable<string> subjects, bool myNumber = false)
    {
        lock (_gate)
        {
            _paths.Add(path);
            _subjects.UnionWith(subjects);
            _myNumber |= myNumber;
        }
    }

    /// <summary>The entry for this request.</summary>
    public AccessEntry ToEntry() => ToEntry([]);

    /// <summary>
    /// The entry for this request, where a resident principal read data of <paramref name="actedFor"/> on their behalf
    /// (法定代理・世帯): each such member among the subjects is marked in the operation as
    /// <c>on-behalf-of:&lt;宛名番号&gt;</c>, beside the resident as the record's user.
    /// </summary>
    public AccessEntry ToEntry(IReadOnlyCollection<string> actedFor)
    {
        ArgumentNullException.ThrowIfNull(actedFor);
        lock (_gate)
        {
            var operations = new SortedSet<string>(_operations, StringComparer.Ordinal);
            foreach (var member in actedFor.Where(_subjects.Contains))
            {
                operations.Add(OnBehalfOf + member);
            }

            return new AccessEntry([.. operations], [.. _subjects], [.. _paths], _myNumber);
        }
    }

    /// <summary>The operation marker of a read done on a household member's behalf, followed by their 宛名番号.</summary>
    public const string OnBehalfOf = "on-behalf-of:";
}
