using Hub.Capabilities.Requests;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Intake;

/// <summary>Who a request acts as in intake: the resident principal as applicant, or staff as the department of the request's task.</summary>
public static class IntakeActors
{
    /// <summary>A staff user works in the request's task when the policy lets them read anything in it (a role there).</summary>
    public static bool WorksInTask(FieldGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return gate.Catalog.Fields.Any(f => gate.Allows(f.Path, FieldAction.Read, Subject.None));
    }

    /// <summary>
    /// The actor for <paramref name="context"/>: a resident principal as the applicant; staff with a role in the request's
    /// task (<paramref name="gate"/>) as that task's department; null for staff with no role there.
    /// </summary>
    public static IntakeActor? For(HubRequestContext context, FieldGate gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsResident)
        {
            return new IntakeActor(context.UserId, IntakeActorKind.Applicant, null, context.ResidentAtenaNumber);
        }

        return WorksInTask(gate) ? new IntakeActor(context.UserId, IntakeActorKind.Department, context.Task) : null;
    }
}
