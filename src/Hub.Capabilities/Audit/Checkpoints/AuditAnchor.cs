namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// How far this node's access log is anchored (アンカー): the largest checkpoint the witness is known to hold, and the
/// oldest access record outside it. The lag is the time since that record was written; past
/// <see cref="CheckpointOptions.MaxLag"/> the node stops serving personal data (<c>AUDIT_UNANCHORED</c>) and
/// <c>/healthz</c> reports Unhealthy, until a checkpoint covering it is accepted. Appends tell it of new records at
/// once; the checkpoint service tells it what the witness holds and, from the database, which record is the oldest
/// outside it (records other nodes wrote included).
/// </summary>
public sealed class AuditAnchor(TimeProvider time, TimeSpan maxLag)
{
    private readonly Lock _gate = new();
    private long _anchoredSize;
    private (long Sequence, DateTimeOffset At)? _oldestUnanchored;
    private string? _problem;
    private bool _inconsistent;
    private DateTimeOffset? _lastAnchoredAt;

    /// <summary>The longest lag allowed.</summary>
    public TimeSpan MaxLag => maxLag;

    /// <summary>Records covered by a checkpoint the witness holds.</summary>
    public long AnchoredSize
    {
        get
        {
            lock (_gate)
            {
                return _anchoredSize;
            }
        }
    }

    /// <summary>Why the last checkpoint was not anchored (null when it was).</summary>
    public string? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problem;
            }
        }
    }

    /// <summary>When a checkpoint was last accepted or found held.</summary>
    public DateTimeOffset? LastAnchoredAt
    {
        get
        {
            lock (_gate)
            {
                return _lastAnchoredAt;
            }
        }
    }

    /// <summary>How long the oldest record outside every held checkpoint has waited (zero when none waits).</summary>
    public TimeSpan Lag
    {
        get
        {
            lock (_gate)
            {
                return _oldestUnanchored is { } oldest ? Max(time.GetUtcNow() - oldest.At, TimeSpan.Zero) : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Whether the witness refused the log as not extending what it holds (cut, rolled back or forked).</summary>
    public bool IsInconsistent
    {
        get
        {
            lock (_gate)
            {
                return _inconsistent;
            }
        }
    }

    /// <summary>Whether personal data must not be served: the lag is over <see cref="MaxLag"/>, or the witness refused the log as inconsistent.</summary>
    public bool IsUnanchored => IsInconsistent || Lag > maxLag;

    /// <summary>An append committed record <paramref name="sequence"/> at <paramref name="recordedAt"/>.</summary>
    public void Appended(long sequence, DateTimeOffset recordedAt)
    {
        lock (_gate)
        {
            if (sequence > _anchoredSize && (_oldestUnanchored is null || _oldestUnanchored.Value.Sequence > sequence))
            {
                _oldestUnanchored = (sequence, recordedAt);
            }
        }
    }

    /// <summary>
    /// The checkpoint service's view after a round: the witness holds <paramref name="anchoredSize"/> records (or the
    /// round failed with <paramref name="problem"/>, <paramref name="inconsistent"/> when the witness refused the log as not
    /// extending what it holds), and <paramref name="oldestOutside"/> is the first record after the
    /// anchored ones in the database, if any.
    /// </summary>
    public void Observed(long anchoredSize, (long Sequence, DateTimeOffset At)? oldestOutside, string? problem, bool inconsistent = false)
    {
        lock (_gate)
        {
            _inconsistent = inconsistent;
            if (problem is null)
            {
                _lastAnchoredAt = time.GetUtcNow();
            }

            _anchoredSize = Math.Max(_anchoredSize, anchoredSize);
            _problem = problem;

            // Keep an append noted since the database was read if it is still outside.
            (long Sequence, DateTimeOffset At)? read = oldestOutside is { } r && r.Sequence > _anchoredSize ? r : null;
            (long Sequence, DateTimeOffset At)? seen = _oldestUnanchored is { } n && n.Sequence > _anchoredSize ? n : null;
            _oldestUnanchored = (read, seen) switch
            {
                ({ } a, { } b) => a.Sequence <= b.Sequence ? a : b,
                ({ } a, null) => a,
                _ => seen,
            };
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
