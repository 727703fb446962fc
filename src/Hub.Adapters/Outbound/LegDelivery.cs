namespace Hub.Adapters.Outbound;

/// <summary>
/// One leg of an application as its department receives it: the procedure, the applicant and the form's items as the
/// department's task may read them (an item it may not read arrives WITHHELD, without a value).
/// </summary>
/// <param name="DeliveryId">Stable for the leg: a repeat of the same delivery carries the same id.</param>
/// <param name="LegId">The leg.</param>
/// <param name="ApplicationId">The case (案件).</param>
/// <param name="Event">The life event (BIRTH, MOVE_IN, …).</param>
/// <param name="Procedure">The procedure id (e.g. nhi-enrolment).</param>
/// <param name="Name">手続き名.</param>
/// <param name="Department">担当課.</param>
/// <param name="Task">The task (事務コード) the leg was released under.</param>
/// <param name="FormId">The form, or null.</param>
/// <param name="DueOn">処理期限.</param>
/// <param name="ApplicantAtenaNumber">宛名番号 of the person the event is about.</param>
/// <param name="SubmittedAt">When the application was submitted.</param>
/// <param name="Items">The form's items.</param>
public sealed record LegDelivery(
    string DeliveryId,
    Guid LegId,
    Guid ApplicationId,
    string Event,
    string Procedure,
    string Name,
    string Department,
    string Task,
    string? FormId,
    DateOnly DueOn,
    string ApplicantAtenaNumber,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<LegDeliveryItem> Items);
