using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing;

/// <summary>
/// The resident registry's 宛名番号 → My Number, as a run of a source whose records claim identities (tax, NHI, child
/// allowance) checks them. While the run has checked few claims (a small delta), each batch reads only the residents
/// its records name, by 宛名番号; once it has checked <see cref="FullReadAfterClaims"/> it reads every resident's latest
/// version once instead, held as two sorted arrays of 64-bit numbers (16 bytes a resident: 16 MB for a city of a
/// million) searched by bisection, with a stored number that does not fit that form (never written by the hub's own
/// adapters) in a small dictionary beside them. Both read the same rows (latest versions, removed residents
/// included), so both decide alike; the check is against the registry as it stood when the batch or the full read
/// was read. A full read is kept by the runner (<see cref="RegistrySnapshots"/>) and taken over by its next runs for as
/// long as the registry has no newer resident version, so the tax, NHI and child allowance runs after one registry
/// run read the registry once between them.
/// </summary>
internal sealed class RegistryIdentities(HubDbContextFactory factory, int fullReadAfterClaims = RegistryIdentities.FullReadAfterClaims, RegistrySnapshots? snapshots = null)
{
    /// <summary>Claims a run checks by keyed reads before it reads the whole registry once.</summary>
    public const int FullReadAfterClaims = 20_000;

    private const long NoMyNumber = -1;
    private long _claimsChecked;
    private long[]? _atena;
    private long[]? _myNumber;
    private IReadOnlyDictionary<string, string?> _other = new Dictionary<string, string?>(StringComparer.Ordinal);
    private bool _snapshotChecked;

    /// <summary>True once the whole registry has been read (no more keyed reads).</summary>
    public bool IsFullyRead => _atena is not null;

    /// <summary>
    /// Makes <see cref="TryGet"/> answer for <paramref name="atenaNumbers"/> (the 宛名番号 one batch claims): a keyed read
    /// of those residents, or the one full read once the run has checked enough claims.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyCollection<string> atenaNumbers, CancellationToken ct)
    {
        if (IsFullyRead || atenaNumbers.Count == 0)
        {
            return;
        }

        _claimsChecked += atenaNumbers.Count;
        await using var db = factory.CreateDbContext();
        if (!_snapshotChecked && snapshots?.Latest is { } kept)
        {
            // Once per run: the full read an earlier run took stands while the registry has no newer version.
            _snapshotChecked = true;
            if (await HighestVersionIdAsync(db, ct).ConfigureAwait(false) == kept.HighestVersionId)
            {
                (_atena, _myNumber, _other) = (kept.Atena, kept.MyNumber, kept.Other);
                return;
            }
        }

        var latest = db.Residents.AsNoTracking().Latest();
        if (_claimsChecked < fullReadAfterClaims)
        {
            var keys = atenaNumbers.Distinct(StringComparer.Ordinal).ToList();
            _other = await latest.Where(r => keys.Contains(r.AtenaNumber)).Select(r => new { r.AtenaNumber, r.MyNumber })
                .ToDictionaryAsync(r => r.AtenaNumber, r => r.MyNumber, StringComparer.Ordinal, ct).ConfigureAwait(false);
            return;
        }

        // The highest id before the rows: a version added during the read makes the snapshot stale, never wrong.
        var highest = await HighestVersionIdAsync(db, ct).ConfigureAwait(false);
        var (keysSorted, values, other) = await ReadWholeAsync(db, ct).ConfigureAwait(false);
        (_atena, _myNumber, _other) = (keysSorted, values, other);
        if (snapshots is not null)
        {
            snapshots.Latest = new RegistrySnapshot(highest, keysSorted, values, other);
        }
    }

    private static async Task<long> HighestVersionIdAsync(HubDbContext db, CancellationToken ct) =>
        await db.Residents.MaxAsync(r => (long?)r.Id, ct).ConfigureAwait(false) ?? 0;

    // Every resident's latest version, by a plain data reader (no EF materialisation per row). On SQLite the table is
    // scanned in storage order: left to itself, SQLite walks the partial My Number index and fetches each row from the
    // table by its id, about six times slower at a million residents (3.0 s against 0.5 s).
    private async Task<(long[] Atena, long[] MyNumber, Dictionary<string, string?> Other)> ReadWholeAsync(HubDbContext db, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(ResidentRecord))!;
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var notIndexed = factory.Provider == DatabaseProvider.Sqlite ? " NOT INDEXED" : string.Empty;
        var query = $"SELECT {Column(nameof(ResidentRecord.AtenaNumber))}, {Column(nameof(ResidentRecord.MyNumber))} " +
            $"FROM {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())}{notIndexed} " +
            $"WHERE {Column(nameof(ResidentRecord.SupersededAt))} IS NULL";

        var atena = new List<long>();
        var myNumber = new List<long>();
        var other = new Dictionary<string, string?>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = query;
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var atenaNumber = reader.GetString(0);
                var registered = reader.IsDBNull(1) ? null : reader.GetString(1);
                if (TryEncode(atenaNumber, out var a) && (registered is null || (registered.Length == 12 && TryDigits(registered, out _))))
                {
                    atena.Add(a);
                    myNumber.Add(registered is null ? NoMyNumber : Digits(registered));
                }
                else
                {
                    other[atenaNumber] = registered;
                }
            }
        }

        var keysSorted = atena.ToArray();
        var values = myNumber.ToArray();
        Array.Sort(keysSorted, values);
        return (keysSorted, values, other);
    }

    /// <summary>
    /// True when the registry knows <paramref name="atenaNumber"/>; <paramref name="myNumber"/> is its registered My Number
    /// (null when none). Answers for the 宛名番号 of the last <see cref="PrepareAsync"/>, or any once fully read.
    /// </summary>
    public bool TryGet(string atenaNumber, out string? myNumber)
    {
        myNumber = null;
        if (_atena is not null && TryEncode(atenaNumber, out var a))
        {
            var at = Array.BinarySearch(_atena, a);
            if (at >= 0)
            {
                myNumber = _myNumber![at] == NoMyNumber ? null : _myNumber[at].ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
                return true;
            }
        }

        return _other.TryGetValue(atenaNumber, out myNumber);
    }

    /// <summary>
    /// Up to 15 ASCII digits as one number that keeps leading zeros apart (<c>0123</c> ≠ <c>123</c>): the length
    /// times 10^15 plus the digits' value.
    /// </summary>
    internal static bool TryEncode(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 15 || !TryDigits(text, out var digits))
        {
            return false;
        }

        value = (text.Length * 1_000_000_000_000_000L) + digits;
        return true;
    }

    private static bool TryDigits(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static long Digits(string text)
    {
        TryDigits(text, out var v);
        return v;
    }
}
