using Hub.Data.Entities.Intake;

namespace Hub.Capabilities.Intake.Attachments;

/// <summary>
/// Who may add and read 添付書類. The applicant: everything on their own case (another's case is not found). A department
/// acting in its task: adds to a leg of that task, reads the attachments of its legs and those added to the whole case (a
/// file for one leg, such as a 雇用証明書 for 保育, never reaches the other departments). The clerk who took the
/// application at the counter: adds to the whole case, as the applicant hands papers over. Whoever added a file may read it.
/// A closed leg (処理完了, 却下, 取下げ) takes no more files.
/// </summary>
public static class IntakeAttachmentAccess
{
    /// <summary>Throws unless <paramref name="actor"/> may add to <paramref name="intakeCase"/> (and <paramref name="legId"/>).</summary>
    public static void AuthorizeAdd(IntakeCase? intakeCase, Guid? legId, IntakeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (intakeCase is null || (actor.Kind == IntakeActorKind.Applicant && actor.AtenaNumber != intakeCase.AtenaNumber))
        {
            throw new IntakeException(IntakeErrorCode.NotFound, "applicationId", "names no application.");
        }

        var leg = legId is { } id ? intakeCase.Legs.FirstOrDefault(l => l.Id == id) ?? throw new IntakeException(IntakeErrorCode.BadInput, "legId", "names no leg of this application.") : null;
        if (leg is not null && IntakeStatusModel.IsClosed(Enum.Parse<IntakeLegStatus>(leg.Status)))
        {
            throw new IntakeException(IntakeErrorCode.InvalidTransition, "legId", $"a leg in {IntakeStatusModel.Label(Enum.Parse<IntakeLegStatus>(leg.Status))} is closed and takes no more attachments.");
        }
        if (actor.Kind != IntakeActorKind.Department)
        {
            return;
        }

        if (leg is null)
        {
            if (intakeCase.Channel != "counter" || intakeCase.SubmittedBy != actor.UserId)
            {
                throw new IntakeException(IntakeErrorCode.Forbidden, "legId", "a department adds to a leg of its task; only the clerk who took the application at the counter adds to the whole case.");
            }

            return;
        }

        if (leg.Task != actor.Task)
        {
            throw new IntakeException(IntakeErrorCode.Forbidden, "legId", $"the leg belongs to {leg.Department} (task {leg.Task}); the request's task does not own it.");
        }
    }

    /// <summary>True when <paramref name="actor"/> may see <paramref name="attachment"/> of <paramref name="intakeCase"/>.</summary>
    public static bool MayRead(IntakeCase intakeCase, IntakeAttachment attachment, IntakeActor actor)
    {
        ArgumentNullException.ThrowIfNull(intakeCase);
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Kind switch
        {
            IntakeActorKind.Applicant => actor.AtenaNumber == intakeCase.AtenaNumber,
            IntakeActorKind.Department => attachment.AddedBy == actor.UserId || (attachment.LegId is { } legId
                ? intakeCase.Legs.Any(l => l.Id == legId && l.Task == actor.Task)
                : intakeCase.Legs.Any(l => l.Task == actor.Task)),
            _ => false,
        };
    }

    /// <summary>Throws unless <paramref name="actor"/> may read the attachment: NOT_FOUND for another resident, FIELD_FORBIDDEN for another department.</summary>
    public static void AuthorizeRead(IntakeCase intakeCase, IntakeAttachment attachment, IntakeActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (MayRead(intakeCase, attachment, actor))
        {
            return;
        }

        throw actor.Kind == IntakeActorKind.Applicant
            ? new IntakeException(IntakeErrorCode.NotFound, "attachmentId", "names no attachment.")
            : new IntakeException(IntakeErrorCode.Forbidden, "attachmentId", "the attachment belongs to another department's leg; the request's task does not own it.");
    }
}
