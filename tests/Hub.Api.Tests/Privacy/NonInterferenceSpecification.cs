using System.Globalization;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Privacy;

/// <summary>
/// Non-interference (番号法: a fact used to decide is a disclosure). A generated city and the same city with one field of
/// one row changed form a pair that differs in that field only. For every (user, task) of the default policy and every
/// output kind, where the task may not use the field (nor anything that changes with it) with the output's action, the
/// hub's answers for the two must be byte-identical. Where they do differ, the access record of each answer must name a
/// path that changed. And every variation must be visible to some task, so that the test can fail for each field.
/// The subject is drawn at random among the residents with every kind of record; <c>HUB_PRIVACY_SEED</c> replays a run.
/// </summary>
public abstract class NonInterferenceSpecification(PrivacyCity city)
{
    [Fact]
    public async Task EveryOutput_OfAPairDifferingInOneField_IsIdenticalWhereTheTaskMayNotUseTheField()
    {
        var seed = Environment.GetEnvironmentVariable("HUB_PRIVACY_SEED") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 20261207;
        CityValues values;
        await using (var db = city.Database.CreateContext())
        {
            values = await CityValues.ChooseAsync(db, new Random(seed));
        }

        var grants = Grant.OfDefaultPolicy();
        var outputs = new Outputs(city);
        var failures = new List<string>();
        var unseen = new List<string>();

        // The city as generated is one side of every pair; the same city with one field changed is the other.
        var original = new Dictionary<Grant, List<Observation>>();
        foreach (var grant in grants)
        {
            original[grant] = await outputs.ObserveAsync(grant, values);
        }

        foreach (var output in original.Values.First().Select(o => o.Output))
        {
            if (Outputs.RefusedByDefaultPolicy.Contains(output))
            {
                failures.AddRange(original.Where(g => !g.Value.Single(o => o.Output == output).Body.Contains("\"FIELD_FORBIDDEN\"", StringComparison.Ordinal))
                    .Select(g => $"{g.Key}: '{output}' is answered, but no task of the default policy may extract what it filters on"));
            }
            else if (!original.Values.Any(list => list.Single(o => o.Output == output) is { } o && o.Body.StartsWith("200 ", StringComparison.Ordinal) && !o.Body.Contains("\"data\":null", StringComparison.Ordinal)))
            {
                failures.Add($"'{output}' answers no grant of the default policy with data, so it cannot show a difference");
            }
        }

        foreach (var variation in FieldVariation.All)
        {
            await using var variant = await Variant.ApplyAsync(city, values, variation);
            var seen = false;
            foreach (var grant in grants)
            {
                var changed = await outputs.ObserveAsync(grant, values);
                failures.AddRange(changed.Concat(original[grant]).Where(o => o.Body.Contains("\"LIMIT_EXCEEDED\"", StringComparison.Ordinal))
                    .Select(o => $"{grant}: '{o.Output}' hit a limit (a timeout on a loaded machine?), so it cannot be compared"));
                var mask = city.Masks.Get(grant.User, grant.Task);
                foreach (var (a, b) in original[grant].Zip(changed))
                {
                    if (a.Body == b.Body)
                    {
                        continue;
                    }

                    var forbidden = variation.Closure.All(p => a.Actions.All(action => !mask.Allows(p, action)));
                    if (forbidden)
                    {
                        failures.Add($"{grant}: '{a.Output}' varies with {variation}, which the task may not {string.Join("/", a.Actions).ToLowerInvariant()}:\n  A: {Cut(a.Body)}\n  B: {Cut(b.Body)}");
                        continue;
                    }

                    seen = true;
                    foreach (var answer in new[] { a, b })
                    {
                        if (!answer.RecordedPaths.Intersect(variation.Closure, StringComparer.Ordinal).Any())
                        {
                            failures.Add($"{grant}: '{a.Output}' varies with {variation}, but its access record names none of {string.Join(", ", variation.Closure)} (it names: {string.Join(" ", answer.RecordedPaths)})");
                        }
                    }
                }
            }

            if (!seen)
            {
                unseen.Add(variation.ToString());
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed}, subject {values.Subject.AtenaNumber}: {failures.Count} finding(s)\n{string.Join("\n", failures.Take(40))}");
        Assert.True(unseen.Count == 0, $"seed {seed}: no task of the default policy sees these variations, so the test could not fail for them: {string.Join(", ", unseen)}");
    }

    private static string Cut(string body) => body.Length <= 600 ? body : body[..600] + "…";

    /// <summary>A variation applied to the city's database; disposing puts the row back as it was.</summary>
    private sealed class Variant : IAsyncDisposable
    {
        private readonly PrivacyCity _city;
        private readonly CityValues _values;
        private readonly FieldVariation _variation;
        private readonly Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues _original;

        private Variant(PrivacyCity city, CityValues values, FieldVariation variation, Microsoft.EntityFrameworkCore.ChangeTracking.PropertyValues original)
        {
            _city = city;
            _values = values;
            _variation = variation;
            _original = original;
        }

        // Value B, or value A where B is what the row already holds: the pair must differ.
        public static async Task<Variant> ApplyAsync(PrivacyCity city, CityValues values, FieldVariation variation)
        {
            await using var db = city.Database.CreateContext();
            var row = await values.RowAsync(db, variation.Row);
            var entry = db.Entry(row);
            var variant = new Variant(city, values, variation, entry.CurrentValues.Clone());
            variation.Set(row, true, values);
            db.ChangeTracker.DetectChanges();
            if (!entry.Properties.Any(p => p.IsModified))
            {
                variation.Set(row, false, values);
            }

            await db.SaveChangesAsync();
            return variant;
        }

        public async ValueTask DisposeAsync()
        {
            await using var db = _city.Database.CreateContext();
            var row = await _values.RowAsync(db, _variation.Row);
            db.Entry(row).CurrentValues.SetValues(_original);
            await db.SaveChangesAsync();
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteNonInterferenceTests(SqlitePrivacyCity city) : NonInterferenceSpecification(city), IClassFixture<SqlitePrivacyCity>;

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlNonInterferenceTests(PostgreSqlPrivacyCity city) : NonInterferenceSpecification(city), IClassFixture<PostgreSqlPrivacyCity>;
