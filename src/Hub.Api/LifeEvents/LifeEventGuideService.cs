using System.Globalization;
using System.Text.RegularExpressions;
using Hub.Api.PushTargets;
using Hub.Api.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.LifeEvents;

/// <summary>
/// Life-event guidance (ライフイベントの手続き案内): reads one household's data (a handful of indexed lookups),
/// computes the facts of <see cref="LifeEventFact"/> on the event date and lists every procedure whose rule applies.
/// </summary>
public sealed partial class LifeEventGuideService(IDbContextFactory<HubDbContext> factory, LifeEventRules rules, TimeProvider time)
{
    /// <summary>The guide, or null when no resident has <paramref name="atenaNumber"/>.</summary>
    public async Task<LifeEventGuide?> GuideAsync(LifeEventKind lifeEvent, string atenaNumber, DateOnly? on, CancellationToken cancellationToken = default)
    {
        var date = on ?? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var loaded = await FactsAsync(atenaNumber, date, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }

        var (facts, household) = loaded.Value;
        var procedures = new List<LifeEventProcedure>();
        foreach (var rule in rules.Sets[lifeEvent].Procedures.Where(r => r.When.Holds(facts)))
        {
            var done = rule.Done?.Holds(facts) ?? false;
            procedures.Add(new LifeEventProcedure(rule.Id, rule.Name, rule.Department, Render(rule.Reason, facts), rule.FormId, done, done && rule.DoneReason is not null ? Render(rule.DoneReason, facts) : null));
        }

        return new LifeEventGuide(lifeEvent, atenaNumber, date, household, procedures, facts);
    }

    /// <summary>The facts of the subject's household on <paramref name="on"/>, or null for an unknown 宛名番号.</summary>
    public async Task<(IReadOnlyDictionary<string, object?> Facts, string? HouseholdNumber)?> FactsAsync(string atenaNumber, DateOnly on, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var versions = await db.Residents.Where(r => r.AtenaNumber == atenaNumber).OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var subject = versions.LastOrDefault(r => r.SupersededAt == null);
        if (subject is null)
        {
            return null;
        }

        var living = subject.ValidTo == null;
        // The household's residents on the day (OnDate.Resident): born and registered by then, not yet removed.
        var residentsOn = db.Residents.Where(OnDate.Resident(on));
        var members = subject.HouseholdNumber is { } hn
            ? await residentsOn.Where(m => m.HouseholdNumber == hn).ToListAsync(cancellationToken).ConfigureAwait(false)
            : await residentsOn.Where(m => m.AtenaNumber == atenaNumber).ToListAsync(cancellationToken).ConfigureAwait(false);
        var people = members.Select(m => m.AtenaNumber).Append(atenaNumber).Distinct().ToList();
        var nhi = (await db.NhiQualifications.Where(OnDate.NhiInsured(on)).Where(q => people.Contains(q.AtenaNumber))
            .Select(q => q.AtenaNumber).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var allowances = await db.ChildAllowanceEntitlements.Where(OnDate.ChildAllowanceActive(on))
            .Where(e => people.Contains(e.RecipientAtenaNumber!) || e.ChildAtenaNumber == atenaNumber)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // The latest assessment of a fiscal year (April–March) begun by the day; a later year's is not known on it.
        var fiscalYear = new FiscalYearReference(null, 0).On(on);
        var tax = await db.TaxAssessments.Where(a => a.SupersededAt == null && a.ValidTo == null && a.AtenaNumber == atenaNumber && a.FiscalYear <= fiscalYear)
            .OrderByDescending(a => a.FiscalYear).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var recipients = allowances.Select(a => a.RecipientAtenaNumber).ToHashSet(StringComparer.Ordinal);
        var (age, uncertain) = Age(subject, on);

        var facts = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["subject.age"] = age,
            ["subject.ageUncertain"] = uncertain,
            ["subject.relationship"] = subject.Relationship,
            ["subject.isHouseholdHead"] = subject.Relationship == "世帯主",
            ["subject.living"] = living,
            ["subject.registeredByBirth"] = versions.Any(v => v.ChangeReason == "出生"),
            ["subject.registeredByMoveIn"] = subject.ChangeReason == "転入",
            ["subject.nhiMember"] = nhi.Contains(atenaNumber),
            ["subject.childAllowanceRecipient"] = recipients.Contains(atenaNumber),
            ["subject.childAllowanceCovered"] = allowances.Any(a => a.ChildAtenaNumber == atenaNumber),
            ["subject.hasSalaryIncome"] = tax is { SalaryIncome: > 0 },
            ["household.size"] = members.Count,
            ["household.childrenUnder18"] = members.Count(m => PossiblyUnder(m, 18, on)),
            ["household.childrenUnder6"] = members.Count(m => PossiblyUnder(m, 6, on)),
            ["household.nhiMembers"] = members.Count(m => nhi.Contains(m.AtenaNumber)),
            ["household.childAllowanceRecipients"] = members.Count(m => recipients.Contains(m.AtenaNumber)),
            ["household.hasLivingHead"] = members.Any(m => m.Relationship == "世帯主"),
        };
        return (facts, subject.HouseholdNumber);
    }

    // 満年齢 when the birth range gives one age on the day; otherwise no value and "uncertain".
    private static (int? Age, bool Uncertain) Age(ResidentRecord r, DateOnly on)
    {
        if (r.BirthDateEarliest is not { } earliest || r.BirthDateLatest is not { } latest)
        {
            return (null, true);
        }

        var oldest = AgeRules.AgeOn(earliest, on);
        return oldest == AgeRules.AgeOn(latest, on) ? (oldest, false) : (null, true);
    }

    // A member counts as a child when they may be under the age (漏れない): judged by the latest possible birth.
    private static bool PossiblyUnder(ResidentRecord r, int years, DateOnly on) =>
        (r.BirthDateLatest ?? r.BirthDateEarliest) is { } youngest && youngest <= on && AgeRules.AgeOn(youngest, on) < years;

    private static string Render(string template, IReadOnlyDictionary<string, object?> facts) =>
        Placeholder().Replace(template, m => facts.TryGetValue(m.Groups[1].Value, out var v)
            ? v switch
            {
                null => "不明",
                bool b => b ? "はい" : "いいえ",
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => v.ToString() ?? string.Empty,
            }
            : m.Value);

    [GeneratedRegex(@"\{([A-Za-z0-9.]+)\}")]
    private static partial Regex Placeholder();
}
