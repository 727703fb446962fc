using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.GraphQL.Loading;

/// <summary>
/// The batch loaders of one request: residents by 宛名番号, households by 世帯番号 and household members, each
/// answering many keys with one query (no N+1). Each fetch uses a context of its own, so fetches may overlap.
/// </summary>
internal sealed class HubDataLoaders
{
    private static readonly IReadOnlyList<ResidentRecord> NoMembers = [];
    private readonly IDbContextFactory<HubDbContext> _db;

    public HubDataLoaders(IDbContextFactory<HubDbContext> db)
    {
        _db = db;
        Residents = new(FetchResidentsAsync);
        Households = new(FetchHouseholdsAsync);
        Members = new(FetchMembersAsync);
    }

    /// <summary>Latest version of each resident, removed ones (消除) included, by 宛名番号.</summary>
    public BatchLoader<string, ResidentRecord> Residents { get; }

    /// <summary>Latest version of each household, by 世帯番号.</summary>
    public BatchLoader<string, HouseholdRecord> Households { get; }

    /// <summary>Living members of each household (head first, then by birth), by 世帯番号.</summary>
    public BatchLoader<string, IReadOnlyList<ResidentRecord>> Members { get; }

    private async Task<IReadOnlyDictionary<string, ResidentRecord>> FetchResidentsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var db = await _db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Residents.AsNoTracking().Latest().Where(r => keys.Contains(r.AtenaNumber)).ToListAsync(ct).ConfigureAwait(false);

        // One latest version per source record; should two sources hold the same person, prefer the living one.
        return rows
            .GroupBy(r => r.AtenaNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ValidTo is null ? 0 : 1).ThenByDescending(r => r.RecordedAt).First(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, HouseholdRecord>> FetchHouseholdsAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var db = await _db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Households.AsNoTracking().Latest().Where(h => keys.Contains(h.HouseholdNumber)).ToListAsync(ct).ConfigureAwait(false);
        return rows
            .GroupBy(h => h.HouseholdNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.ValidTo is null ? 0 : 1).ThenByDescending(h => h.RecordedAt).First(), StringComparer.Ordinal);
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ResidentRecord>>> FetchMembersAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        await using var db = await _db.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.Residents.AsNoTracking().Living()
            .Where(r => r.HouseholdNumber != null && keys.Contains(r.HouseholdNumber))
            .ToListAsync(ct)
            .ConfigureAwait(false);
        var byHousehold = rows
            .GroupBy(r => r.HouseholdNumber!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<ResidentRecord>)[.. g
                    .OrderBy(r => r.Relationship == "世帯主" ? 0 : 1)
                    .ThenBy(r => r.BirthDateEarliest ?? DateOnly.MaxValue)
                    .ThenBy(r => r.AtenaNumber, StringComparer.Ordinal)],
                StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byHousehold.TryAdd(key, NoMembers);
        }

        return byHousehold;
    }
}
