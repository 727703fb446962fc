using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Capabilities.PushTargets.Querying;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.PushTargets;

/// <summary>
/// Push-type target extraction (プッシュ型の対象抽出): set-based SQL on every provider, keyset pages, counts,
/// streams and planning summaries. Nothing loads the city into memory. Thread-safe; one context per call.
/// </summary>
public sealed class PushTargetQuery(IDbContextFactory<HubDbContext> factory, TimeProvider time)
{
    /// <summary>Summary cells with fewer residents than this are suppressed.</summary>
    public const int SuppressBelow = 10;

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Default summary age bands (lower bounds): 0-14, 15-64, 65-74, 75+.</summary>
    public static readonly IReadOnlyList<int> DefaultBands = [0, 15, 65, 75];

    /// <summary>The reference date when none is given: today in Japan (the clock of <see cref="TimeProvider"/>, JST).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    /// <summary>One page of at most <paramref name="first"/> rows after <paramref name="after"/>, with the total count.</summary>
    public async Task<PushTargetPage> PageAsync(TargetCriterion criteria, DateOnly? asOf, int first, string? after, CancellationToken cancellationToken = default)
    {
        var (rows, endCursor, more) = await PageRowsAsync(criteria, asOf, first, after, cancellationToken).ConfigureAwait(false);
        var total = await CountAsync(criteria, asOf, cancellationToken).ConfigureAwait(false);
        return new PushTargetPage(rows, total, endCursor, more);
    }

    /// <summary>One page without the total count (for callers that do not ask for <c>totalCount</c>).</summary>
    public async Task<(IReadOnlyList<PushTargetRow> Rows, string? EndCursor, bool HasNextPage)> PageRowsAsync(TargetCriterion criteria, DateOnly? asOf, int first, string? after, CancellationToken cancellationToken = default)
    {
        if (first is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"first must be between 1 and {MaxPageSize}.");
        }

        var afterId = after is null ? 0L : PushTargetCursor.Decode(after);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var page = await Rows(db, criteria, asOf ?? Today).Where(r => r.Id > afterId).OrderBy(r => r.Id).Take(first + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var more = page.Count > first;
        if (more)
        {
            page.RemoveAt(first);
        }

        return (page, page.Count == 0 ? null : PushTargetCursor.Encode(page[^1].Id), more);
    }

    /// <summary>Number of residents the criteria select.</summary>
    public async Task<int> CountAsync(TargetCriterion criteria, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await Rows(db, criteria, asOf ?? Today).CountAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every selected row in keyset order, streamed from one query (for exports).</summary>
    public async IAsyncEnumerable<PushTargetRow> StreamAsync(TargetCriterion criteria, DateOnly? asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = Rows(db, criteria, asOf ?? Today).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            yield return row;
        }
    }

    /// <summary>The 宛名番号 of every selected resident in keyset order, streamed (for the access record of an export).</summary>
    public async IAsyncEnumerable<string> StreamAtenaNumbersAsync(TargetCriterion criteria, DateOnly? asOf, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = Rows(db, criteria, asOf ?? Today).OrderBy(r => r.Id).Select(r => r.AtenaNumber).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var atena in rows.ConfigureAwait(false))
        {
            yield return atena;
        }
    }

    /// <summary>Counts by 町字 and age band on the reference date, small cells suppressed.</summary>
    /// <param name="criteria">The selection.</param>
    /// <param name="asOf">Reference date; default today.</param>
    /// <param name="bandStarts">Ascending lower bounds of the bands, starting at 0; default <see cref="DefaultBands"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<PushTargetSummary> SummaryAsync(TargetCriterion criteria, DateOnly? asOf, IReadOnlyList<int>? bandStarts = null, CancellationToken cancellationToken = default)
    {
        var bands = bandStarts ?? DefaultBands;
        if (bands.Count == 0 || bands[0] != 0 || bands.Zip(bands.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException("Age bands must be ascending lower bounds starting at 0.", nameof(bandStarts));
        }

        var date = asOf ?? Today;
        var labels = bands.Select((b, i) => i + 1 < bands.Count ? $"{b}-{bands[i + 1] - 1}" : $"{b}+").Append("不詳").ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var band = BandIndex(date, bands);
        var counts = await Selected(db, criteria, date)
            .Select(Project(band))
            .GroupBy(x => new { x.AreaCode, x.Band })
            .Select(g => new { g.Key.AreaCode, g.Key.Band, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var cells = counts
            .OrderBy(c => c.AreaCode, StringComparer.Ordinal).ThenBy(c => c.Band < 0 ? int.MaxValue : c.Band)
            .Select(c => new PushTargetSummaryCell(c.AreaCode, c.Band < 0 ? "不詳" : labels[c.Band], c.Count < SuppressBelow ? null : c.Count, c.Count < SuppressBelow))
            .ToList();
        return new PushTargetSummary(cells, labels);
    }

    internal static IQueryable<ResidentRecord> Selected(HubDbContext db, TargetCriterion criteria, DateOnly asOf)
    {
        var predicate = new TargetPredicateBuilder(db, asOf).Build(criteria);
        return db.Residents.Where(OnDate.Resident(asOf)).Where(predicate.Possible);
    }

    internal static IQueryable<PushTargetRow> Rows(HubDbContext db, TargetCriterion criteria, DateOnly asOf)
    {
        var predicate = new TargetPredicateBuilder(db, asOf).Build(criteria);
        var residents = db.Residents.Where(OnDate.Resident(asOf)).Where(predicate.Possible);
        Expression<Func<ResidentRecord, bool, PushTargetRow>> shape = (x, uncertain) => new PushTargetRow
        {
            Id = x.Id,
            AtenaNumber = x.AtenaNumber,
            HouseholdNumber = x.HouseholdNumber,
            Name = x.Name,
            NameKana = x.NameKana,
            Sex = x.Sex,
            BirthDateText = x.BirthDateText,
            Relationship = x.Relationship,
            PostalCode = x.PostalCode,
            AreaCode = x.AreaCode,
            Address = x.Address,
            AddressSupplement = x.AddressSupplement,
            AgeUncertain = uncertain,
        };
        var resident = shape.Parameters[0];
        Expression uncertainFlag = predicate.Uncertain is { } uncertain
            ? PredicateComposition.Inline(uncertain, resident)
            : Expression.Constant(false);
        var body = new ParameterSwap(shape.Parameters[1], uncertainFlag).Visit(shape.Body);
        return residents.Select(Expression.Lambda<Func<ResidentRecord, PushTargetRow>>(body, resident));
    }

    // Band index by birth range: the band holding the whole range, −1 (不詳) when it straddles or is unknown.
    private static Expression<Func<ResidentRecord, int>> BandIndex(DateOnly asOf, IReadOnlyList<int> bands)
    {
        var x = Expression.Parameter(typeof(ResidentRecord), "x");
        Expression result = Expression.Constant(-1);
        for (var i = bands.Count - 1; i >= 0; i--)
        {
            var test = BirthRange.Aged(asOf, bands[i], i + 1 < bands.Count ? bands[i + 1] - 1 : null, UncertainAges.Exclude).Certain;
            result = Expression.Condition(PredicateComposition.Inline(test, x), Expression.Constant(i), result);
        }

        return Expression.Lambda<Func<ResidentRecord, int>>(result, x);
    }

    private static Expression<Func<ResidentRecord, AreaBand>> Project(Expression<Func<ResidentRecord, int>> band)
    {
        Expression<Func<ResidentRecord, int, AreaBand>> shape = (x, b) => new AreaBand { AreaCode = x.AreaCode, Band = b };
        var body = new ParameterSwap(shape.Parameters[1], PredicateComposition.Inline(band, shape.Parameters[0])).Visit(shape.Body);
        return Expression.Lambda<Func<ResidentRecord, AreaBand>>(body, shape.Parameters[0]);
    }

    private sealed class AreaBand
    {
        public string? AreaCode { get; init; }

        public int Band { get; init; }
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
