using Hub.Capabilities.Audit;
using Hub.Data;
using Hub.Policy.Administration;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

namespace Hub.Capabilities.Policies;

/// <summary>
/// Replays the last days of access records (アクセス記録) against a draft: for every request the version in force allows,
/// would the draft still give the user every field the request used (read; a 個人番号 used without being shown is a
/// lookup)? Reads user, task and paths only — never whom a record is about — streaming, with one field mask per (user,
/// task) and version, so a month of a city's records is one pass.
/// </summary>
public sealed class PolicyReplay(IDbContextFactory<HubDbContext> contexts, IPolicyVersionStore store, PolicyCatalog catalog, TimeProvider timeProvider)
{
    private const string MyNumber = "resident.myNumber";

    /// <summary>Replays the records of the last <paramref name="days"/> days (1 to 366) against <paramref name="draftNumber"/>.</summary>
    public async Task<PolicyReplayResult> ReplayAsync(int draftNumber, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 366);
        var draft = await store.GetAsync(draftNumber, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"policy version {draftNumber} does not exist");
        var current = await store.GetPublishedAsync(cancellationToken).ConfigureAwait(false);
        var after = new FieldMaskCache(catalog.Paths);
        after.Publish("draft", PolicyAdministration.Build(draft));
        var before = new FieldMaskCache(catalog.Paths);
        before.Publish("current", PolicyAdministration.Build(current ?? draft)); // before any publication nothing changes

        var to = timeProvider.GetUtcNow();
        var from = to.AddDays(-days);
        var users = new Dictionary<(string User, string Task), Tally>();
        var (records, refused) = (0, 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.AccessRecords.AsNoTracking()
            .Where(r => r.RecordedAt >= from.UtcDateTime && r.RecordedAt < to.UtcDateTime)
            .Select(r => new { r.UserId, r.Task, r.FieldPaths, r.MyNumberUsed })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            records++;
            if (!users.TryGetValue((row.UserId, row.Task), out var tally))
            {
                tally = users[(row.UserId, row.Task)] = new Tally(before.Get(row.UserId, row.Task), after.Get(row.UserId, row.Task));
            }

            if (tally.Replay(row.FieldPaths, row.MyNumberUsed) is { } outcome)
            {
                refused += outcome ? 1 : 0;
            }
        }

        var listed = users
            .Where(u => u.Value.Requests > 0)
            .Select(u => new ReplayedUser(u.Key.User, u.Key.Task, u.Value.Requests, u.Value.Refused, u.Value.Withheld.Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(u => u.Refused).ThenBy(u => u.User, StringComparer.Ordinal).ThenBy(u => u.Task, StringComparer.Ordinal)
            .ToList();
        return new PolicyReplayResult(draftNumber, current?.Number, from, to, records, refused, listed);
    }

    // One (user, task): its two masks and counts; decisions per distinct path list are remembered.
    private sealed class Tally(FieldMask before, FieldMask after)
    {
        private readonly Dictionary<(string, bool), (bool Allowed, string[] Withheld)> _seen = new();

        public int Requests { get; private set; }

        public int Refused { get; private set; }

        public HashSet<string> Withheld { get; } = new(StringComparer.Ordinal);

        // Null: the version in force refuses it too (not the draft's doing); else whether the draft refuses it.
        public bool? Replay(string paths, bool myNumberUsed)
        {
            if (!_seen.TryGetValue((paths, myNumberUsed), out var decision))
            {
                var uses = AccessRecordFormat.SplitPaths(paths).Select(p => (Path: p, Action: FieldAction.Read)).ToList();
                if (myNumberUsed && !uses.Any(u => u.Path == MyNumber))
                {
                    uses.Add((MyNumber, FieldAction.Lookup));
                }

                var allowed = uses.All(u => before.Allows(u.Path, u.Action));
                decision = _seen[(paths, myNumberUsed)] = (allowed, uses.Where(u => !after.Allows(u.Path, u.Action)).Select(u => u.Path).ToArray());
            }

            if (!decision.Allowed)
            {
                return null;
            }

            Requests++;
            if (decision.Withheld.Length == 0)
            {
                return false;
            }

            Refused++;
            Withheld.UnionWith(decision.Withheld);
            return true;
        }
    }
}
