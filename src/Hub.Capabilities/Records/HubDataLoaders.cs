using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Records;

/// <summary>
/// The batch loaders of one request: residents by 宛名番号, households by 世帯番号 and household members, each
/// answering many keys with one query (no N+1); a batch of one key runs a compiled query (<see cref="SingleKeyQueries"/>).
/// The fetches share one context and connection for the request (<see cref="RequestDatabase"/>), one at a time;
/// dispose the loaders when the request is done to give it back.
/// </summary>
public sealed class HubDataLoaders : IAsyncDisposable
{
    private static readonly IReadOnlyList<ResidentRecord> NoMembers = [];
    private readonly RequestDatabase _database;
    private readonly Dictionary<string, BatchLoader<string, IReadOnlyList<GenericRecord>>> _kinds = new(StringComparer.Ordinal);

    public HubDataLoaders(IDbContextFactory<HubDbContext> db, LoaderMetrics? metrics = null)
    {
        _database = new RequestDatabase(db, metrics);
        Residents = new(FetchResidentsAsync);
        Households = new(FetchHouseholdsAsync);
        Members = new(FetchMembersAsync);
        TaxAssessments = new(FetchTaxAssessmentsAsync);
        NhiQualifications = new(FetchNhiQualificationsAsync);
        ChildAllowanceEntitlements = new(FetchChildAllowanceEntitlementsAsync);
        ResidentVersions = new(FetchResidentVersionsAsync);
    }

    /// <summary>Latest version of each resident, removed ones (消除) included, by 宛名番号.</summary>
    public BatchLoader<string, ResidentRecord> Residents { get; }

    /// <summary>Latest version of each household, by 世帯番号.</summary>
    public BatchLoader<string, HouseholdRecord> Households { get; }

    /// <summary>Living members of each household (head first, then by birth), by 世帯番号.</summary>
    public BatchLoader<string, IReadOnlyList<ResidentRecord>> Members { get; }

    /// <summary>Latest version of each 個人住民税 assessment of a resident (newest fiscal year first), by 宛名番号.</summary>
    public BatchLoader<string, IReadOnlyList<TaxAssessmentRecord>> TaxAssessments { get; }

    /// <summary>The resident's 国保 qualification: the current period, else the most recent one, by 宛名番号.</summary>
    public BatchLoader<string, NhiQualificationRecord> NhiQualifications { get; }

    /// <summary>Latest version of each 児童手当 entitlement where the resident is recipient or child, by 宛名番号.</summary>
    public BatchLoader<string, IReadOnlyList<ChildAllowanceEntitlementRecord>> ChildAllowanceEntitlements { get; }

    /// <summary>
    /// The latest version of each record of <paramref name="kind"/> (a kind declared as data) about the resident, newest
    /// validity first, then by source key, by 宛名番号.
    /// </summary>
    public BatchLoader<string, IReadOnlyList<GenericRecord>> Kind(string kind)
    {
        lock (_kinds)
        {
            if (!_kinds.TryGetValue(kind, out var loader))
            {
                _kinds[kind] = loader = new((keys, ct) => FetchKindAsync(kind, keys, ct));
            }

            return loader;
        }
    }

    /// <summary>Every version of a resident the hub recorded (oldest first), by 宛名番号: field history.</summary>
    public BatchLoader<string, IReadOnlyList<ResidentRecord>> ResidentVersions { get; }

    /// <summary>
    /// The resident <paramref name="atenaNumber"/> (as <see cref="Residents"/> answers it) and, in the same query, the
    /// living members of their household, which <see cref="Members"/> then answers without a fetch of its own: a
    /// prefill with a member section needs both. Null when there is no such resident.
    /// </summary>
    public async Task<ResidentRecord?> LoadResidentWithMembersAsync(string atenaNumber, CancellationToken ct)
    {
        List<ResidentRecord> rows;
        using (var lease = await _database.UseAsync(ct).ConfigureAwait(false))
        {
            rows = await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(lease.Db).ResidentWithHousehold(lease.Db, atenaNumber), ct).ConfigureAwait(false);
        }

        var own = rows.Where(r => r.AtenaNumber == atenaNumber).ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var resident = Preferred(own);
        Residents.Prime(atenaNumber, resident);
        if (resident.HouseholdNumber is { } household)
        {
            Members.Prime(household, InMemberOrder(rows.Where(r => r.ValidTo is null && r.HouseholdNumber == household).DistinctBy(r => r.Id)));
        }

        return resident;
    }

    /// <summary>
    /// The residents whose latest version carries <paramref name="myNumber"/>, removed ones (消除) included, one per
    /// 宛名番号 (the living version preferred): whether a resident is found must not depend on their 住民状態, which a task
    /// allowed to look up by My Number may not be allowed to read. One query; lookups are one per request.
    /// </summary>
    public async Task<IReadOnlyList<ResidentRecord>> FindByMyNumberAsync(string myNumber, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = await db.Residents.AsNoTracking().Latest().Where(r => r.MyNumber == myNumber).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.AtenaNumber, StringComparer.Ordinal).Select(Preferred)];
    }

    /// <summary>
    /// Residents matching every key of <paramref name="search"/> (removed ones, 消除, only when it asks), at most
    /// <paramref name="limit"/>: those whose every name key given (kana, 氏名, 通称) matches exactly first, then those matching
    /// by prefix; within each, by kana key then 宛名番号 — or by 宛名番号 alone when <paramref name="orderByKana"/> is false
    /// (an order is a disclosure of the field it sorts on). One row per 宛名番号, the living version preferred.
    /// </summary>
    public async Task<IReadOnlyList<ResidentRecord>> SearchAsync(ResidentSearch search, int limit, bool orderByKana, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(search);
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var query = db.Residents.AsNoTracking().Latest();
        var (kanaKey, nameKey, address, birthDate) = search;
        var aliasKey = search.AliasKey;
        if (!search.IncludeRemoved)
        {
            query = query.Where(r => r.Status != "消除");
        }

        if (!string.IsNullOrEmpty(kanaKey))
        {
            query = query.Where(r => r.NameKanaSearchKey != null && r.NameKanaSearchKey.StartsWith(kanaKey));
        }

        if (!string.IsNullOrEmpty(nameKey))
        {
            query = query.Where(r => r.NameSearchKey.StartsWith(nameKey));
        }

        if (!string.IsNullOrEmpty(aliasKey))
        {
            query = query.Where(r => r.AliasSearchKey != null && r.AliasSearchKey.StartsWith(aliasKey));
        }

        if (!string.IsNullOrEmpty(address))
        {
            query = query.Where(r => r.Address != null && r.Address.StartsWith(address));
        }

        if (birthDate is { } day)
        {
            query = query.Where(r => r.BirthDateEarliest <= day && r.BirthDateLatest >= day);
        }

        // Exact before prefix: a key given and equal to the stored one; a key not given never makes a row inexact.
        var kanaExact = string.IsNullOrEmpty(kanaKey) ? null : kanaKey;
        var nameExact = string.IsNullOrEmpty(nameKey) ? null : nameKey;
        var aliasExact = string.IsNullOrEmpty(aliasKey) ? null : aliasKey;
        var ranked = query.OrderBy(r => ((kanaExact == null || r.NameKanaSearchKey == kanaExact)
            && (nameExact == null || r.NameSearchKey == nameExact)
            && (aliasExact == null || r.AliasSearchKey == aliasExact)) ? 0 : 1);
        var ordered = orderByKana ? ranked.ThenBy(r => r.NameKanaSearchKey).ThenBy(r => r.AtenaNumber) : ranked.ThenBy(r => r.AtenaNumber);
        var rows = await ordered.ThenBy(r => r.Id).Take(limit * 2).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.AtenaNumber, StringComparer.Ordinal).Select(Preferred).Take(limit)];
    }

    private async Task<IReadOnlyDictionary<string, ResidentRecord>> FetchResidentsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).Residents(db, keys.First()), ct).ConfigureAwait(false)
            : await db.Residents.AsNoTracking().Latest().Where(r => keys.Contains(r.AtenaNumber)).ToListAsync(ct).ConfigureAwait(false);

        // One latest version per source record; should two sources hold the same person, prefer the living one.
        return rows
            .GroupBy(r => r.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Preferred(g), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, HouseholdRecord>> FetchHouseholdsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).Households(db, keys.First()), ct).ConfigureAwait(false)
            : await db.Households.AsNoTracking().Latest().Where(h => keys.Contains(h.HouseholdNumber)).ToListAsync(ct).ConfigureAwait(false);
        return rows
            .GroupBy(h => h.HouseholdNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.ValidTo is null ? 0 : 1).ThenByDescending(h => h.RecordedAt).First(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ResidentRecord>>> FetchMembersAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).Members(db, keys.First()), ct).ConfigureAwait(false)
            : await db.Residents.AsNoTracking().Living()
                .Where(r => r.HouseholdNumber != null && keys.Contains(r.HouseholdNumber))
                .ToListAsync(ct)
                .ConfigureAwait(false);
        var byHousehold = rows
            .GroupBy(r => r.HouseholdNumber!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => InMemberOrder(g), StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byHousehold.TryAdd(key, NoMembers);
        }

        return byHousehold;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<TaxAssessmentRecord>>> FetchTaxAssessmentsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).TaxAssessments(db, keys.First()), ct).ConfigureAwait(false)
            : await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).TaxAssessmentsOfMany(db, [.. keys]), ct).ConfigureAwait(false);
        return Complete(keys, rows
            .GroupBy(t => t.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<TaxAssessmentRecord>)[.. g.GroupBy(t => t.FiscalYear).Select(y => y.OrderByDescending(t => t.RecordedAt).First()).OrderByDescending(t => t.FiscalYear)],
                StringComparer.Ordinal));
    }

    private async Task<IReadOnlyDictionary<string, NhiQualificationRecord>> FetchNhiQualificationsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).NhiQualifications(db, keys.First()), ct).ConfigureAwait(false)
            : await db.NhiQualifications.AsNoTracking().Latest().Where(n => keys.Contains(n.AtenaNumber)).ToListAsync(ct).ConfigureAwait(false);
        return rows
            .GroupBy(n => n.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(n => n.LostOn is null && n.ValidTo is null ? 0 : 1).ThenByDescending(n => n.AcquiredOn ?? DateOnly.MinValue).ThenByDescending(n => n.RecordedAt).First(),
                StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ChildAllowanceEntitlementRecord>>> FetchChildAllowanceEntitlementsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).ChildAllowanceEntitlements(db, keys.First()), ct).ConfigureAwait(false)
            : await db.ChildAllowanceEntitlements.AsNoTracking().Latest()
                .Where(c => (c.RecipientAtenaNumber != null && keys.Contains(c.RecipientAtenaNumber)) || (c.ChildAtenaNumber != null && keys.Contains(c.ChildAtenaNumber)))
                .ToListAsync(ct)
                .ConfigureAwait(false);
        var byKey = keys.ToDictionary(
            k => k,
            k => (IReadOnlyList<ChildAllowanceEntitlementRecord>)[.. rows
                .Where(c => c.RecipientAtenaNumber == k || c.ChildAtenaNumber == k)
                .OrderByDescending(c => c.CertifiedOn ?? DateOnly.MinValue)
                .ThenBy(c => c.EntitlementId, StringComparer.Ordinal)],
            StringComparer.Ordinal);
        return byKey;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<GenericRecord>>> FetchKindAsync(string kind, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).Kind(db, kind, keys.First()), ct).ConfigureAwait(false)
            : await db.GenericRecords.AsNoTracking().Latest().Where(g => g.Kind == kind && keys.Contains(g.AtenaNumber)).ToListAsync(ct).ConfigureAwait(false);
        return Complete(keys, rows
            .GroupBy(g => g.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<GenericRecord>)[.. g.OrderByDescending(r => r.ValidFrom).ThenBy(r => r.SourceKey, StringComparer.Ordinal)],
                StringComparer.Ordinal));
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ResidentRecord>>> FetchResidentVersionsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        using var lease = await _database.UseAsync(ct).ConfigureAwait(false);
        var db = lease.Db;
        var rows = keys.Count == 1
            ? await SingleKeyQueries.ToListAsync(SingleKeyQueries.For(db).ResidentVersions(db, keys.First()), ct).ConfigureAwait(false)
            : await db.Residents.AsNoTracking().Where(r => keys.Contains(r.AtenaNumber)).ToListAsync(ct).ConfigureAwait(false);
        return Complete(keys, rows
            .GroupBy(r => r.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ResidentRecord>)[.. g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id)], StringComparer.Ordinal));
    }

    /// <summary>Of one person's latest versions (should two sources hold the same person), the living one, else the newest.</summary>
    private static ResidentRecord Preferred(IEnumerable<ResidentRecord> versions) =>
        versions.OrderBy(r => r.ValidTo is null ? 0 : 1).ThenByDescending(r => r.RecordedAt).First();

    /// <summary>Household members head (世帯主) first, then by birth, then by 宛名番号.</summary>
    private static IReadOnlyList<ResidentRecord> InMemberOrder(IEnumerable<ResidentRecord> members) =>
        [.. members
            .OrderBy(r => r.Relationship == "世帯主" ? 0 : 1)
            .ThenBy(r => r.BirthDateEarliest ?? DateOnly.MaxValue)
            .ThenBy(r => r.AtenaNumber, StringComparer.Ordinal)];

    /// <summary>Waits for a fetch still running, then gives the request's context and connection back.</summary>
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static Dictionary<string, IReadOnlyList<T>> Complete<T>(IReadOnlyCollection<string> keys, Dictionary<string, IReadOnlyList<T>> found)
    {
        foreach (var key in keys)
        {
            found.TryAdd(key, []);
        }

        return found;
    }
}
