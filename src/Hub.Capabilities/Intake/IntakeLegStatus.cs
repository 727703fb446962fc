namespace Hub.Capabilities.Intake;

/// <summary>
/// The status of one leg (申請の進捗), the states of ぴったりサービス and the 申請管理システム standard. Stored by name.
/// </summary>
public enum IntakeLegStatus
{
    /// <summary>送信済: submitted, owed to the department.</summary>
    Sent,

    /// <summary>受付: a department clerk took it.</summary>
    Received,

    /// <summary>処理中.</summary>
    InProgress,

    /// <summary>補正依頼 (差し戻し): the department asks the applicant to correct or add something.</summary>
    CorrectionRequested,

    /// <summary>処理完了.</summary>
    Completed,

    /// <summary>却下.</summary>
    Rejected,

    /// <summary>取下げ: the applicant withdrew it.</summary>
    Withdrawn,
}
