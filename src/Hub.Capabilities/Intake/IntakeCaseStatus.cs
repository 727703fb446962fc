namespace Hub.Capabilities.Intake;

/// <summary>A case's status, derived from its legs (<see cref="IntakeStatusModel.Derive"/>), never stored.</summary>
public enum IntakeCaseStatus
{
    /// <summary>送信済: no leg taken yet.</summary>
    Submitted,

    /// <summary>処理中: some leg taken, some still open.</summary>
    InProgress,

    /// <summary>補正依頼: some leg waits for the applicant.</summary>
    CorrectionRequested,

    /// <summary>処理完了: every leg closed, at least one completed.</summary>
    Completed,

    /// <summary>却下: every leg closed, none completed, at least one rejected.</summary>
    Rejected,

    /// <summary>取下げ: every leg withdrawn.</summary>
    Withdrawn,
}
