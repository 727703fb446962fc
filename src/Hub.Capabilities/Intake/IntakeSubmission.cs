using Hub.Capabilities.LifeEvents;

namespace Hub.Capabilities.Intake;

/// <summary>One submission (申請): the event, the person, the date and the applicant's answers.</summary>
/// <param name="Event">The life event.</param>
/// <param name="AtenaNumber">宛名番号 of the person the event is about.</param>
/// <param name="On">The event date.</param>
/// <param name="Answers">What the applicant typed.</param>
/// <param name="IdempotencyKey">The caller's key: a resubmission with it returns the same case.</param>
public sealed record IntakeSubmission(LifeEventKind Event, string AtenaNumber, DateOnly On, IReadOnlyList<IntakeAnswer> Answers, string? IdempotencyKey = null);
