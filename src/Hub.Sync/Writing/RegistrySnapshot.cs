namespace Hub.Sync.Writing;

/// <summary>
/// The last full read of the registry's identities (住民記録の宛名番号 → 個人番号), kept by the <c>SyncRunner</c> between
/// runs with the highest resident version id it saw: the resident tax, NHI and child allowance runs that follow a
/// registry run each needed the same million-row read. Every change to the registry adds a resident version (a change
/// closes the old version and inserts the new one in the same transaction, 消除 included), and only the registry's own
/// run writes residents, one batch after another, so an unchanged highest id means unchanged identities; any other
/// value, on any node, means the read is taken again. The arrays are shared read-only (16 bytes a resident).
/// </summary>
internal sealed class RegistrySnapshot(long highestVersionId, long[] atena, long[] myNumber, Dictionary<string, string?> other)
{
    /// <summary>The highest <c>residents.id</c> when the read began.</summary>
    public long HighestVersionId { get; } = highestVersionId;

    public long[] Atena { get; } = atena;

    public long[] MyNumber { get; } = myNumber;

    public IReadOnlyDictionary<string, string?> Other { get; } = other;
}

/// <summary>Where a runner keeps its <see cref="RegistrySnapshot"/> between runs (one per runner; runs of different sources may overlap).</summary>
internal sealed class RegistrySnapshots
{
    private RegistrySnapshot? _latest;

    public RegistrySnapshot? Latest
    {
        get => Volatile.Read(ref _latest);
        set => Volatile.Write(ref _latest, value);
    }
}
