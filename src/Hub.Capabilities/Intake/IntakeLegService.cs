using Hub.Data;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The status's name as the API spells it (e.g. CORRECTION_REQUESTED).</summary>
    public static string Upper(IntakeLegStatus status) =>
        string.Concat(status.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

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
