namespace Hub.Capabilities.Intake;

/// <summary>Who changes a leg: a department in its task, or the applicant.</summary>
/// <param name="UserId">Staff user id or the resident principal's subject.</param>
/// <param name="Kind">Department or applicant.</param>
/// <param name="Task">The task (事務コード) a department acts in; it owns the legs of that task.</param>
/// <param name="AtenaNumber">宛名番号 of an applicant acting in the portal; null at the counter.</param>
public sealed record IntakeActor(string UserId, IntakeActorKind Kind, string? Task, string? AtenaNumber = null);
