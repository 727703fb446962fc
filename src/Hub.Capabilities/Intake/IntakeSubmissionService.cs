using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Audit;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.Records;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Intake;

/// <summary>
/// submitApplication (申請受付, 回されない): one case per life event of one person on one date, one leg per procedure the
/// guide lists (該当 or 要確認) and the intake rules open, each pre-filled under its department's task. The case, its legs,
/// their first history rows, the resident's notice and the deliveries owed (outbox) are one transaction; the pre-fill's
/// access records are written before it, so no data is stored that was not recorded.
/// </summary>
public sealed class IntakeSubmissionService(
    IDbContextFactory<HubDbContext> factory,
    IntakeRules rules,
    LifeEventGuideService guides,
    FormCatalog forms,
    FieldCatalog catalog,
    FieldMaskCache masks,
    IAccessRecordWriter accessRecords,
    IntakeOptions options,
    TimeProvider time)
{
    /// <summary>The purpose the pre-fill of a leg is recorded under.</summary>
    public const string PrefillPurpose = "申請受付（プレプリント）";

    /// <summary>Submits; returns the case made, or the one the idempotency key or the business key names.</summary>
    public async Task<IntakeSubmitted> SubmitAsync(IntakeSubmission submission, IntakeRequester requester, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(requester);
        if (!rules.Events.TryGetValue(submission.Event, out var eventRules))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "event", $"event {submission.Event} takes no applications (the intake rules open legs for {string.Join(", ", rules.Events.Keys)}).");
        }

        CheckShape(submission.Answers);
        if (requester.Context.ResidentAtenaNumber is { } self && self != submission.AtenaNumber)
        {
            throw new IntakeException(IntakeErrorCode.Forbidden, "atenaNumber", "a resident principal applies for themselves only.");
        }

        await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            if (!await db.Residents.AnyAsync(r => r.AtenaNumber == submission.AtenaNumber && r.SupersededAt == null, ct).ConfigureAwait(false))
            {
                throw new IntakeException(IntakeErrorCode.BadInput, "atenaNumber", "names no resident.");
            }
        }

        var principal = requester.Context.UserId;
        var key = submission.IdempotencyKey;
        if (key is not null)
        {
            if (key.Length is 0 or > 200)
            {
                throw new IntakeException(IntakeErrorCode.BadInput, "idempotencyKey", "must be 1 to 200 characters.");
            }

            if (await ClaimAsync(principal, key, Hash(submission), ct).ConfigureAwait(false) is { } earlier)
            {
                return new IntakeSubmitted(await LoadAsync(earlier, ct).ConfigureAwait(false), true, [], []);
            }
        }

        try
        {
            IntakeCrashPoints.Hit("submit-claimed");
            var existing = await FindAsync(submission, ct).ConfigureAwait(false);
            if (existing is not null)
            {
                await CompleteKeyAsync(principal, key, existing.Id, ct).ConfigureAwait(false);
                return new IntakeSubmitted(existing, true, [], []);
            }

            return await CreateAsync(submission, requester, eventRules, ct).ConfigureAwait(false);
        }
        catch (IntakeException) when (key is not null)
        {
            // Refused input stores nothing, not even the key: the corrected payload may use it.
            await ReleaseKeyAsync(principal, key, ct).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IntakeSubmitted> CreateAsync(IntakeSubmission submission, IntakeRequester requester, IntakeEventRules eventRules, CancellationToken ct)
    {
        var guide = await guides.GuideAsync(submission.Event, submission.AtenaNumber, submission.On, requester.MayRead, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.BadInput, "atenaNumber", "names no resident.");
        var opened = guide.Procedures
            .Where(p => p.Status != LifeEventProcedureStatus.Done && eventRules.Legs.ContainsKey(p.Id))
            .Select(p => eventRules.Legs[p.Id])
            .ToList();
        var legForms = opened.Where(l => l.FormId is not null).Select(l => forms.Find(l.FormId!)!).DistinctBy(f => f.Id).ToList();
        CheckAnswers(submission.Answers, legForms);

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);
        var caseId = Guid.NewGuid();
        var intakeCase = new IntakeCase
        {
            Id = caseId, Event = LifeEventName(submission.Event), AtenaNumber = submission.AtenaNumber, On = submission.On,
            Channel = requester.Channel, SubmittedBy = requester.Context.UserId, SubmittedAt = now,
            ItemsTyped = submission.Answers.Count,
        };

        await using var loaders = new HubDataLoaders(factory);
        var applicant = await loaders.Residents.Load(submission.AtenaNumber).GetResultAsync(ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.BadInput, "atenaNumber", "names no resident.");
        var ordinal = 0;
        foreach (var rule in opened)
        {
            var leg = new IntakeLeg
            {
                Id = Guid.NewGuid(), CaseId = caseId, Ordinal = ordinal++, ProcedureId = rule.Procedure, Name = rule.Name,
                Department = rule.Department, Task = rule.Task, FormId = rule.FormId, SlaDays = rule.SlaDays, DueOn = today.AddDays(rule.SlaDays),
                Status = nameof(IntakeLegStatus.Sent), UpdatedAt = now, Version = 1,
            };
            if (rule.FormId is { } formId)
            {
                var items = await PrefillAsync(forms.Find(formId)!, rule, applicant, loaders, requester, caseId, ct).ConfigureAwait(false);
                items = Apply(items, submission.Answers, formId);
                leg.ItemsJson = JsonSerializer.Serialize(items, IntakeJson.Options);
                leg.ItemsOnPaper = items.Count(i => i.Status != nameof(PrefillStatus.NotApplicable));
                leg.ItemsPrefilled = items.Count(i => i.Status == nameof(PrefillStatus.Filled));
                leg.ItemsTyped = items.Count(i => i.Status == IntakeLegItem.Typed);
                leg.ItemsMissing = leg.ItemsOnPaper - leg.ItemsPrefilled - leg.ItemsTyped;
            }

            intakeCase.Legs.Add(leg);
        }

        intakeCase.ItemsOnPaper = intakeCase.Legs.Sum(l => l.ItemsOnPaper);
        intakeCase.ItemsPrefilled = intakeCase.Legs.Sum(l => l.ItemsPrefilled);
        IntakeCrashPoints.Hit("submit-prefilled");
        try
        {
            await StoreAsync(intakeCase, requester, submission.IdempotencyKey, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another channel submitted the same event (business key) at the same time: theirs is the case.
            var raced = await FindAsync(submission, ct).ConfigureAwait(false);
            if (raced is null)
            {
                throw;
            }

            await CompleteKeyAsync(requester.Context.UserId, submission.IdempotencyKey, raced.Id, ct).ConfigureAwait(false);
            return new IntakeSubmitted(raced, true, [], []);
        }

        return new IntakeSubmitted(intakeCase, false, guide.Paths, guide.Subjects);
    }

    private async Task StoreAsync(IntakeCase intakeCase, IntakeRequester requester, string? key, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.IntakeCases.Add(intakeCase);
        foreach (var leg in intakeCase.Legs)
        {
            db.IntakeLegEvents.Add(new IntakeLegEvent
            {
                LegId = leg.Id, FromStatus = null, ToStatus = leg.Status, Actor = requester.Context.UserId, ActorKind = requester.Channel == "portal" ? "applicant" : "counter",
                At = now, Reason = "submitApplication", Message = $"{leg.Name}の申請を{leg.Department}に送信しました。",
            });
            db.IntakeOutbox.Add(IntakeOutbox.ForLeg(leg, now));
        }

        var notice = new IntakeNotice
        {
            AtenaNumber = intakeCase.AtenaNumber, CaseId = intakeCase.Id, Title = "申請を受け付けました",
            Message = intakeCase.Legs.Count == 0
                ? "この届出で必要な申請はありません。"
                : $"{intakeCase.Legs.Count}件の手続き（{string.Join("、", intakeCase.Legs.Select(l => l.Name))}）を各担当課に送信しました。",
            CreatedAt = now,
        };
        db.IntakeNotices.Add(notice);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        IntakeCrashPoints.Hit("submit-before-notice-outbox");
        db.IntakeOutbox.Add(IntakeOutbox.ForNotice(notice, now));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (key is not null)
        {
            var principal = requester.Context.UserId;
            await db.IntakeIdempotencyKeys.Where(k => k.Principal == principal && k.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.CaseId, intakeCase.Id), ct).ConfigureAwait(false);
        }

        IntakeCrashPoints.Hit("submit-before-commit");
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        IntakeCrashPoints.Hit("submit-committed");
    }

    // The leg's form pre-filled under its department's task (the rule's role there), recorded in the access log as a read in
    // that task by the submitter, before anything is stored.
    private async Task<List<IntakeLegItem>> PrefillAsync(FormDefinition form, IntakeLegRule rule, Hub.Data.Entities.ResidentRecord applicant, HubDataLoaders loaders, IntakeRequester requester, Guid caseId, CancellationToken ct)
    {
        var mask = masks.Version is null ? null : masks.Get(rule.Role, rule.Task);
        var gate = FieldGate.ForStaff(mask, catalog, false);
        var access = new AccessCollector();
        access.AddOperation("submitApplication");
        var result = await FormPrefiller.FillAsync(form, applicant, gate, loaders, access, ct, time).ConfigureAwait(false);
        var context = requester.Context with { Task = rule.Task, Purpose = PrefillPurpose, Case = caseId.ToString("N") };
        await accessRecords.AppendAsync(context, access.ToEntry(), gate.PolicyVersion, ct).ConfigureAwait(false);

        var items = new List<IntakeLegItem>();
        items.AddRange(result.Items.Select(i => Item("applicant", applicant.AtenaNumber, i)));
        var listed = (result.Spouse is not null || result.Members.Count > 0) && applicant.HouseholdNumber is { } household
            ? await loaders.Members.Load(household).GetResultAsync(ct).ConfigureAwait(false) ?? []
            : [];
        if (result.Spouse is { } spouse)
        {
            var who = SpouseChoice.Find(applicant, listed)?.AtenaNumber ?? string.Empty;
            items.AddRange(spouse.Items.Select(i => Item("spouse", who, i)));
        }

        // The members in the order the pre-fill listed them (MemberOrder), so each item names whom it is about.
        var (people, _) = MemberOrder.Arrange(listed, gate);
        for (var m = 0; m < result.Members.Count; m++)
        {
            var who = m < people.Count ? people[m].AtenaNumber : string.Empty;
            items.AddRange(result.Members[m].Items.Select(i => Item("member", who, i)));
        }

        return items;
    }

    private static IntakeLegItem Item(string section, string subject, PrefilledItem i) =>
        new(section, subject, i.Item.Id, i.Item.Label, i.Item.Path, i.Status.ToString(), i.Value, i.SourceSystem);

    // The applicant's answers replace the applicant-section items they name (on this form, or on every form when unscoped).
    private static List<IntakeLegItem> Apply(List<IntakeLegItem> items, IReadOnlyList<IntakeAnswer> answers, string formId)
    {
        var mine = answers.Where(a => a.Form is null || a.Form == formId).ToList();
        return [.. items.Select(i => i.Section == "applicant" && mine.LastOrDefault(a => a.Item == i.Id) is { } a
            ? i with { Status = IntakeLegItem.Typed, Value = a.Value, Source = "applicant" }
            : i)];
    }

    private void CheckShape(IReadOnlyList<IntakeAnswer> answers)
    {
        if (answers.Count > options.MaxAnswers)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "answers", $"at most {options.MaxAnswers} answers.");
        }

        for (var i = 0; i < answers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(answers[i].Item))
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].item", "is required.");
            }

            if (answers[i].Value is null || answers[i].Value.Length > options.MaxAnswerLength)
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].value", $"is required, at most {options.MaxAnswerLength} characters.");
            }

            if (answers.Take(i).Any(a => a.Item == answers[i].Item && a.Form == answers[i].Form))
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}]", "answers the same item twice.");
            }
        }
    }

    private void CheckAnswers(IReadOnlyList<IntakeAnswer> answers, List<FormDefinition> legForms)
    {
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (answer.Form is { } formId)
            {
                if (forms.Find(formId) is null)
                {
                    throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].form", $"names no form of schemas/forms (known: {string.Join(", ", forms.Forms.Select(f => f.Id))}).");
                }

                if (legForms.All(f => f.Id != formId))
                {
                    throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].form", $"{formId} is the form of no leg of this application (its forms: {string.Join(", ", legForms.Select(f => f.Id))}).");
                }
            }

            var scope = legForms.Where(f => answer.Form is null || f.Id == answer.Form).ToList();
            if (!scope.Any(f => f.Items.Any(it => it.Id == answer.Item)))
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].item", $"names no applicant item of {(answer.Form ?? "the application's forms")}.");
            }
        }
    }

    private async Task<IntakeCase?> FindAsync(IntakeSubmission s, CancellationToken ct)
    {
        var name = LifeEventName(s.Event);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.IntakeCases.AsNoTracking().Include(c => c.Legs)
            .FirstOrDefaultAsync(c => c.Event == name && c.AtenaNumber == s.AtenaNumber && c.On == s.On, ct).ConfigureAwait(false);
    }

    private async Task<IntakeCase> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.IntakeCases.AsNoTracking().Include(c => c.Legs).SingleAsync(c => c.Id == id, ct).ConfigureAwait(false);
    }

    // Null: the key is ours now (new, or a lease that ran out). A case id: the submission was done before.
    private async Task<Guid?> ClaimAsync(string principal, string key, string hash, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            db.IntakeIdempotencyKeys.Add(new IntakeIdempotencyKey { Principal = principal, Key = key, PayloadHash = hash, LeaseUntil = now + options.IdempotencyLease, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return null;
            }
            catch (DbUpdateException)
            {
                // Taken before: decided below from the stored row.
            }
        }

        await using var again = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var row = await again.IntakeIdempotencyKeys.SingleOrDefaultAsync(k => k.Principal == principal && k.Key == key, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.Conflict, "idempotencyKey", "a submission with this key is in flight; retry later.");
        if (row.PayloadHash != hash)
        {
            throw new IntakeException(IntakeErrorCode.Unprocessable, "idempotencyKey", "was used with another payload; use a new key for a new application.");
        }

        if (row.CaseId is { } done)
        {
            return done;
        }

        if (row.LeaseUntil > now)
        {
            throw new IntakeException(IntakeErrorCode.Conflict, "idempotencyKey", "a submission with this key is in flight; retry later.");
        }

        row.LeaseUntil = now + options.IdempotencyLease;
        try
        {
            await again.SaveChangesAsync(ct).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new IntakeException(IntakeErrorCode.Conflict, "idempotencyKey", "a submission with this key is in flight; retry later.");
        }
    }

    private async Task CompleteKeyAsync(string principal, string? key, Guid caseId, CancellationToken ct)
    {
        if (key is null)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.IntakeIdempotencyKeys.Where(k => k.Principal == principal && k.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.CaseId, caseId), ct).ConfigureAwait(false);
    }

    private async Task ReleaseKeyAsync(string principal, string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        await db.IntakeIdempotencyKeys.Where(k => k.Principal == principal && k.Key == key && k.CaseId == null).ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>SHA-256 (hex) of the submission's canonical form: event, person, date and answers in a fixed order.</summary>
    public static string Hash(IntakeSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var canonical = new StringBuilder()
            .Append(LifeEventName(submission.Event)).Append('\n').Append(submission.AtenaNumber).Append('\n')
            .Append(submission.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        foreach (var a in submission.Answers.OrderBy(a => a.Form ?? string.Empty, StringComparer.Ordinal).ThenBy(a => a.Item, StringComparer.Ordinal))
        {
            canonical.Append(JsonSerializer.Serialize(new[] { a.Form, a.Item, a.Value })).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>The event's name as the rule files spell it.</summary>
    public static string LifeEventName(LifeEventKind kind) => LifeEventRuleReader.EventNames.Single(e => e.Value == kind).Key;
}
