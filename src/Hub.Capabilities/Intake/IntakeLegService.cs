using Hub.Data;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Capabilities.Intake;

/// <summary>
/// Moves legs through the status model (<see cref="IntakeStatusModel"/>): a department in the leg's task takes it, works it,
/// asks for a 補正, completes or rejects it; the applicant withdraws it. Each change is one transaction: the leg (conditional
/// on the version read), its history row (who, when, why, message), the resident's notice and the webhook owed.
/// </summary>
public sealed class IntakeLegService(IDbContextFactory<HubDbContext> factory, TimeProvider time)
{
    /// <summary>Changes the leg's status; returns the leg as changed.</summary>
    /// <param name="legId">The leg.</param>
    /// <param name="to">The new status.</param>
    /// <param name="actor">Who: a department in its task, or the applicant.</param>
    /// <param name="reason">Why (for the record); required to reject.</param>
    /// <param name="message">The message for the resident; required for a 補正依頼 (what to correct).</param>
    /// <param name="ct">Cancels.</param>
    public async Task<IntakeLeg> ChangeAsync(Guid legId, IntakeLegStatus to, IntakeActor actor, string? reason, string? message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var leg = await db.IntakeLegs.SingleOrDefaultAsync(l => l.Id == legId, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.NotFound, "legId", "names no leg.");
        var intakeCase = await db.IntakeCases.AsNoTracking().SingleAsync(c => c.Id == leg.CaseId, ct).ConfigureAwait(false);
        Authorize(leg, intakeCase, actor);
        var from = Enum.Parse<IntakeLegStatus>(leg.Status);
        if (!IntakeStatusModel.Allows(from, to, actor.Kind))
        {
            throw new IntakeException(IntakeErrorCode.InvalidTransition, "status",
                $"a leg in {IntakeStatusModel.Label(from)} ({Upper(from)}) cannot move to {IntakeStatusModel.Label(to)} ({Upper(to)}) by the {(actor.Kind == IntakeActorKind.Department ? "department" : "applicant")}.");
        }

        if (to == IntakeLegStatus.CorrectionRequested && string.IsNullOrWhiteSpace(message))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "message", "is required for a 補正依頼: it tells the resident what to correct or add.");
        }

        if (to == IntakeLegStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "reason", "is required to reject a leg.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        leg.Status = to.ToString();
        leg.UpdatedAt = now;
        leg.Version++;
        if (to == IntakeLegStatus.Received)
        {
            leg.Assignee = actor.UserId;
        }

        db.IntakeLegEvents.Add(new IntakeLegEvent
        {
            LegId = leg.Id, FromStatus = from.ToString(), ToStatus = to.ToString(), Actor = actor.UserId,
            ActorKind = actor.Kind == IntakeActorKind.Department ? "department" : "applicant", At = now, Reason = reason, Message = message,
        });
        var notice = new IntakeNotice
        {
            AtenaNumber = intakeCase.AtenaNumber, CaseId = intakeCase.Id, LegId = leg.Id,
            Title = $"{leg.Name}: {IntakeStatusModel.Label(to)}",
            Message = message ?? $"{leg.Department}での「{leg.Name}」の状況が{IntakeStatusModel.Label(to)}になりました。",
            CreatedAt = now,
        };
        db.IntakeNotices.Add(notice);
        return await CommitAsync(db, transaction, leg, notice, now, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The applicant answers a 補正依頼: the answers replace the leg's applicant items they name (TYPED), the leg returns to
    /// 処理中 for its department, and the changed leg is owed to the department again (a new delivery id). Only a leg in
    /// 補正依頼 takes answers (else INVALID_TRANSITION); an item not on the leg's form is BAD_USER_INPUT.
    /// </summary>
    public async Task<IntakeLeg> AnswerCorrectionAsync(Guid legId, IReadOnlyList<IntakeAnswer> answers, string? message, IntakeActor applicant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(applicant);
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var leg = await db.IntakeLegs.SingleOrDefaultAsync(l => l.Id == legId, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.NotFound, "legId", "names no leg.");
        var intakeCase = await db.IntakeCases.SingleAsync(c => c.Id == leg.CaseId, ct).ConfigureAwait(false);
        if (applicant.AtenaNumber is { } atena && atena != intakeCase.AtenaNumber)
        {
            throw new IntakeException(IntakeErrorCode.NotFound, "legId", "names no leg.");
        }

        var from = Enum.Parse<IntakeLegStatus>(leg.Status);
        if (from != IntakeLegStatus.CorrectionRequested)
        {
            throw new IntakeException(IntakeErrorCode.InvalidTransition, "status",
                $"a leg in {IntakeStatusModel.Label(from)} ({Upper(from)}) takes no correction answer; only one in {IntakeStatusModel.Label(IntakeLegStatus.CorrectionRequested)} ({Upper(IntakeLegStatus.CorrectionRequested)}) does.");
        }

        if (answers.Count == 0)
        {
            throw new IntakeException(IntakeErrorCode.BadInput, "answers", "must hold at least one answer.");
        }

        var items = IntakeJson.Items(leg.ItemsJson).ToList();
        for (var i = 0; i < answers.Count; i++)
        {
            var answer = answers[i];
            if (string.IsNullOrEmpty(answer.Value) || answer.Value.Length > 1000)
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].value", "is required, at most 1000 characters.");
            }

            var at = items.FindIndex(x => x.Section == "applicant" && x.Id == answer.Item);
            if (at < 0 || (answer.Form is not null && answer.Form != leg.FormId))
            {
                throw new IntakeException(IntakeErrorCode.BadInput, $"answers[{i}].item", "names no applicant item of this leg's form.");
            }

            items[at] = items[at] with { Status = IntakeLegItem.Typed, Value = answer.Value, Source = "applicant" };
        }

        var now = time.GetUtcNow().UtcDateTime;
        var typedBefore = leg.ItemsTyped;
        leg.ItemsJson = System.Text.Json.JsonSerializer.Serialize(items, IntakeJson.Options);
        leg.ItemsPrefilled = items.Count(x => x.Status == "Filled");
        leg.ItemsTyped = items.Count(x => x.Status == IntakeLegItem.Typed);
        leg.ItemsMissing = leg.ItemsOnPaper - leg.ItemsPrefilled - leg.ItemsTyped;
        intakeCase.ItemsTyped += leg.ItemsTyped - typedBefore;
        leg.Status = nameof(IntakeLegStatus.InProgress);
        leg.UpdatedAt = now;
        leg.Version++;
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.IntakeLegEvents.Add(new IntakeLegEvent
        {
            LegId = leg.Id, FromStatus = from.ToString(), ToStatus = leg.Status, Actor = applicant.UserId, ActorKind = "applicant", At = now,
            Reason = "補正の回答", Message = message ?? "補正の内容を送信しました。",
        });
        var notice = new IntakeNotice
        {
            AtenaNumber = intakeCase.AtenaNumber, CaseId = intakeCase.Id, LegId = leg.Id, Title = $"{leg.Name}: 補正を受け付けました",
            Message = $"{leg.Department}に補正の内容を送信しました。", CreatedAt = now,
        };
        db.IntakeNotices.Add(notice);
        db.IntakeOutbox.Add(IntakeOutbox.ForLeg(leg, now, leg.Version));
        return await CommitAsync(db, transaction, leg, notice, now, ct).ConfigureAwait(false);
    }

    /// <summary>The status's name as the API spells it (e.g. CORRECTION_REQUESTED).</summary>
    public static string Upper(IntakeLegStatus status) =>
        string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    // Saves the change, conditional on the leg's version read (CONFLICT when someone changed it meanwhile); then owes the
    // notice's webhook, which needs the notice's id, and commits both.
    private static async Task<IntakeLeg> CommitAsync(HubDbContext db, IDbContextTransaction transaction, IntakeLeg leg, IntakeNotice notice, DateTime now, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new IntakeException(IntakeErrorCode.Conflict, "legId", "the leg changed meanwhile; read it again.");
        }

        db.IntakeOutbox.Add(IntakeOutbox.ForNotice(notice, now));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return leg;
    }

    // A department acts on the legs of its task only; an applicant on their own case only (another's is not found).
    private static void Authorize(IntakeLeg leg, IntakeCase intakeCase, IntakeActor actor)
    {
        switch (actor.Kind)
        {
            case IntakeActorKind.Department when actor.Task != leg.Task:
                throw new IntakeException(IntakeErrorCode.Forbidden, "legId", $"the leg belongs to {leg.Department} (task {leg.Task}); the request's task does not own it.");
            case IntakeActorKind.Applicant when actor.AtenaNumber is { } atena && atena != intakeCase.AtenaNumber:
                throw new IntakeException(IntakeErrorCode.NotFound, "legId", "names no leg.");
        }
    }
}
