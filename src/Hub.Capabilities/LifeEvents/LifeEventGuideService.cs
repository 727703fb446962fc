using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.LifeEvents;

/// <summary>
/// Life-event guidance (ライフイベントの手続き案内): reads one household's data (a handful of indexed lookups),
/// computes the facts of <see cref="LifeEventFact"/> on the event date and lists every procedure whose rule applies.
/// </summary>
public sealed class LifeEventGuideService(IDbContextFactory<HubDbContext> factory, LifeEventRules rules, TimeProvider time)
{
    /// <summary>What a procedure decided by facts the request's task may not read says instead of its reason.</summary>
    public const string ToConfirmReason = "この手続きが必要かどうかは、この事務では参照できない情報で決まります。本人または担当課に確認してください。";

    /// <summary>What a procedure that applies says when whether it is done depends on facts the task may not read.</summary>
    public const string DoneUnknownReason = "手続きが済んでいるかどうかは、この事務では参照できない情報で決まります。担当課に確認してください。";

    /// <summary>
    /// The guide, or null when no resident has <paramref name="atenaNumber"/>. A fact is used only when
    /// <paramref name="mayRead"/> allows every catalog path it comes from (<see cref="LifeEventFacts.Sources"/>); a
    /// procedure whose condition needs a withheld fact is 要確認 with a reason that does not reveal it, so the guide does
    /// not vary with any field the task may not read.
    /// </summary>
    /// <param name="lifeEvent">The event.</param>
    /// <param name="atenaNumber">宛名番号 of the subject.</param>
    /// <param name="on">Event date; default the registered day of death for a DEATH guide of a resident removed by 死亡 (where the task may read 異動事由 and 異動日), else today (JST).</param>
    /// <param name="mayRead">Whether the request's task may read a catalog path (the field mask with <c>read</c>).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<LifeEventGuide?> GuideAsync(LifeEventKind lifeEvent, string atenaNumber, DateOnly? on, Func<string, bool> mayRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        var (registered, datePaths) = on is null ? await RegisteredDateAsync(lifeEvent, atenaNumber, mayRead, cancellationToken).ConfigureAwait(false) : (null, []);
        var date = on ?? registered ?? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var loaded = await FactsAsync(atenaNumber, date, cancellationToken).ConfigureAwait(false);
        if (loaded is null)
        {
            return null;
        }

        var (all, household, members) = loaded.Value;
        var known = rules.Facts;
        var readable = known.Sources.Where(s => s.Value.All(mayRead)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var facts = all.Where(f => readable.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var ruleSet = rules.Sets[lifeEvent].Procedures;
        var procedures = new List<LifeEventProcedure>();
        foreach (var rule in ruleSet)
        {
            var undecidedBy = rule.Facts.Where(f => !readable.Contains(f)).SelectMany(f => known.Sources[f]).Where(p => !mayRead(p))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            switch (rule.When.Evaluate(facts))
            {
                case false:
                    continue;
                case null:
                    procedures.Add(new LifeEventProcedure(rule.Id, rule.Name, rule.Department, LifeEventProcedureStatus.ToConfirm, ToConfirmReason, rule.FormId, false, null, undecidedBy));
                    continue;
            }

            var reason = LifeEventTemplate.Render(rule.Reason, facts, known);
            procedures.Add(rule.Done?.Evaluate(facts) switch
            {
                true => new LifeEventProcedure(rule.Id, rule.Name, rule.Department, LifeEventProcedureStatus.Done, reason, rule.FormId, true, rule.DoneReason is null ? null : LifeEventTemplate.Render(rule.DoneReason, facts, known), undecidedBy),
                null when rule.Done is not null => new LifeEventProcedure(rule.Id, rule.Name, rule.Department, LifeEventProcedureStatus.ToConfirm, reason, rule.FormId, false, DoneUnknownReason, undecidedBy),
                _ => new LifeEventProcedure(rule.Id, rule.Name, rule.Department, LifeEventProcedureStatus.Applies, reason, rule.FormId, false, null, undecidedBy),
            });
        }

        // Every readable fact the event's rules name was computed and could shape the answer.
        var used = ruleSet.SelectMany(r => r.Facts).Where(readable.Contains).Distinct(StringComparer.Ordinal).ToList();
        var paths = used.SelectMany(f => known.Sources[f]).Concat(datePaths).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var subjects = used.Any(f => f.StartsWith("household.", StringComparison.Ordinal))
            ? members.Append(atenaNumber).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [atenaNumber];
        return new LifeEventGuide(lifeEvent, atenaNumber, date, household, procedures, facts, paths, subjects);
    }

    /// <summary>
    /// Whether a task reading what <paramref name="mayRead"/> allows can decide any fact the rules of
    /// <paramref name="lifeEvent"/> name. A task that can decide none learns nothing from the guide but that the resident
    /// exists, so it is not asked.
    /// </summary>
    public bool Decides(LifeEventKind lifeEvent, Func<string, bool> mayRead)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        var known = rules.Facts;
        return rules.Sets[lifeEvent].Procedures.SelectMany(r => r.Facts).Distinct(StringComparer.Ordinal)
            .Any(f => known.Sources.TryGetValue(f, out var sources) && sources.All(mayRead));
    }

    /// <summary>
    /// The event date the registry holds, for a guide asked without one: a DEATH guide for a resident whose 消除 by 死亡 is
    /// registered is about the day of death (国保 was still held that day; the age is the age at death), not today. The
    /// choice reads 異動事由 and 異動日, so it is made only when the task may read both, and they are then named among the
    /// paths that shaped the guide; otherwise the default stays today.
    /// </summary>
    private async Task<(DateOnly? Date, IReadOnlyList<string> Paths)> RegisteredDateAsync(LifeEventKind lifeEvent, string atenaNumber, Func<string, bool> mayRead, CancellationToken ct)
    {
        string[] paths = ["resident.changeReason", "resident.changeDate"];
        if (lifeEvent != LifeEventKind.Death || !paths.All(mayRead))
        {
            return (null, []);
        }

        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var latest = await db.Residents.AsNoTracking().Where(r => r.AtenaNumber == atenaNumber && r.SupersededAt == null)
            .Select(r => new { r.ChangeReason, r.ChangeDate }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return latest is { ChangeReason: "死亡", ChangeDate: { } died } ? (died, paths) : (null, paths);
    }

    /// <summary>The facts of the subject's household on <paramref name="on"/>, or null for an unknown 宛名番号.</summary>
    public async Task<(IReadOnlyDictionary<string, object?> Facts, string? HouseholdNumber, IReadOnlyList<string> Members)?> FactsAsync(string atenaNumber, DateOnly on, CancellationToken cancellationToken = default)
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
        await AddRecordFactsAsync(db, atenaNumber, on, facts, cancellationToken).ConfigureAwait(false);
        return (facts, subject.HouseholdNumber, [.. members.Select(m => m.AtenaNumber)]);
    }

    // The generic facts of the kinds declared as data that the rules use: one query for the subject's records of those kinds.
    // A record counts on the event date when its validity (from its dating fields; a 消除 ends it) covers the day's start in
    // Japan; of several, the one whose validity started last gives the field facts.
    private async Task AddRecordFactsAsync(HubDbContext db, string atenaNumber, DateOnly on, Dictionary<string, object?> facts, CancellationToken ct)
    {
        var generic = rules.Facts.Generic;
        var used = rules.Sets.Values.SelectMany(s => s.Procedures).SelectMany(r => r.Facts).Where(generic.ContainsKey).ToHashSet(StringComparer.Ordinal);
        if (used.Count == 0)
        {
            return;
        }

        var kinds = used.Select(f => generic[f].Kind).Distinct(StringComparer.Ordinal).ToList();
        var records = await db.GenericRecords.AsNoTracking()
            .Where(g => g.SupersededAt == null && g.AtenaNumber == atenaNumber && kinds.Contains(g.Kind))
            .ToListAsync(ct).ConfigureAwait(false);
        var start = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).UtcDateTime;
        foreach (var fact in used)
        {
            var (kind, field) = generic[fact];
            var valid = records.Where(g => g.Kind == kind && g.ValidFrom <= start && (g.ValidTo is null || g.ValidTo > start))
                .OrderByDescending(g => g.ValidFrom).ThenBy(g => g.SourceKey, StringComparer.Ordinal).FirstOrDefault();
            facts[fact] = field is null ? valid is not null
                : valid is null ? null
                : Records.GenericValues.Typed(valid, field, rules.Facts.Catalog[fact].Kind switch { LifeEventFactKind.Number => "integer", LifeEventFactKind.Boolean => "boolean", _ => "string" }) switch
                {
                    long n => (int)n,
                    var v => v,
                };
        }
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
}
