namespace Hub.Capabilities.Intake;

/// <summary>Who moves a leg.</summary>
public enum IntakeActorKind
{
    /// <summary>The department that owns the leg (its staff or its system), acting in the leg's task.</summary>
    Department,

    /// <summary>The applicant (the resident the case is about, in the portal, or the counter on their behalf).</summary>
    Applicant,
}
