namespace Hub.Data.Entities.Intake;

/// <summary>
/// 案件: one application for one life event of one resident, made at the counter or in the portal. Its legs (one per
/// procedure) carry the statuses; the case's own status is derived from them. The business key (event, person, date) is
/// unique, so the counter's and the portal's submissions of the same event are one case.
/// </summary>
public sealed class IntakeCase
{
    /// <summary>案件番号.</summary>
    public Guid Id { get; set; }

    /// <summary>The life event as the rule files spell it (BIRTH, MOVE_IN, …).</summary>
    public string Event { get; set; } = string.Empty;

    /// <summary>宛名番号 of the person the event is about.</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>The event date.</summary>
    public DateOnly On { get; set; }

    /// <summary>counter (窓口) or portal.</summary>
    public string Channel { get; set; } = string.Empty;

    /// <summary>Who submitted it (staff user id, or the resident principal's subject).</summary>
    public string SubmittedBy { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>Form items the hub pre-filled over every leg (申請者が書かなかった項目).</summary>
    public int ItemsPrefilled { get; set; }

    /// <summary>Items the applicant typed: answers given, each counted once however many forms share it.</summary>
    public int ItemsTyped { get; set; }

    /// <summary>Items on the paper forms of the legs (every form, every member section), the baseline of <see cref="ItemsTyped"/>.</summary>
    public int ItemsOnPaper { get; set; }

    /// <summary>The legs.</summary>
    public List<IntakeLeg> Legs { get; set; } = [];
}
