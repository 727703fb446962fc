namespace Hub.Data.Entities.Intake;

/// <summary>
/// One procedure of a case, owned by one department (担当課) and handled under one task (事務): its form, what was
/// pre-filled and typed (<see cref="ItemsJson"/>), its status and its SLA. The status changes only through validated
/// transitions, each one a row of <see cref="IntakeLegEvent"/>; <see cref="Version"/> makes concurrent changes fail.
/// </summary>
public sealed class IntakeLeg
{
    /// <summary>Leg id.</summary>
    public Guid Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>Position in the case (the order the guide lists the procedures).</summary>
    public int Ordinal { get; set; }

    /// <summary>The life-event procedure id (e.g. nhi-enrolment).</summary>
    public string ProcedureId { get; set; } = string.Empty;

    /// <summary>手続き名.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>担当課.</summary>
    public string Department { get; set; } = string.Empty;

    /// <summary>The task (事務コード) the leg is handled and released under.</summary>
    public string Task { get; set; } = string.Empty;

    /// <summary>The form (schemas/forms), or null for a procedure without one.</summary>
    public string? FormId { get; set; }

    /// <summary>Service level in days from submission.</summary>
    public int SlaDays { get; set; }

    /// <summary>処理期限: submission day (JST) plus the SLA days.</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>Sent, Received, InProgress, CorrectionRequested, Completed, Rejected or Withdrawn.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The staff user who took the leg.</summary>
    public string? Assignee { get; set; }

    /// <summary>When the status last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: every change increments it and is conditional on the value read.</summary>
    public int Version { get; set; }

    /// <summary>The form's items as JSON: section, id, label, path, status (FILLED, UNCERTAIN, TYPED, …), value and source.</summary>
    public string ItemsJson { get; set; } = "[]";

    /// <summary>Items pre-filled by the hub.</summary>
    public int ItemsPrefilled { get; set; }

    /// <summary>Items holding an answer the applicant typed.</summary>
    public int ItemsTyped { get; set; }

    /// <summary>Items neither pre-filled nor answered (the department asks or issues a 補正).</summary>
    public int ItemsMissing { get; set; }

    /// <summary>Every item of the form as filled for this household (member sections once per member).</summary>
    public int ItemsOnPaper { get; set; }
}
