using Hub.Data.Entities.Intake;

namespace Hub.Capabilities.Intake;

/// <summary>The deliveries a change owes, as outbox rows (ids only; the dispatcher reads the rest when it delivers).</summary>
public static class IntakeOutbox
{
    /// <summary>Kind of a leg owed to its department's adapter.</summary>
    public const string LegKind = "leg";

    /// <summary>Kind of a notice owed to the webhook.</summary>
    public const string NoticeKind = "notice";

    /// <summary>The target of notices.</summary>
    public const string WebhookTarget = "webhook";

    /// <summary>The leg owed to its department (target: the department, which the dispatcher maps to its adapter).</summary>
    public static IntakeOutboxMessage ForLeg(IntakeLeg leg, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return new() { Kind = LegKind, Target = leg.Department, LegId = leg.Id, DedupeKey = $"leg:{leg.Id:N}", CreatedAt = now, NextAttemptAt = now };
    }

    /// <summary>The notice owed to the webhook.</summary>
    public static IntakeOutboxMessage ForNotice(IntakeNotice notice, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new() { Kind = NoticeKind, Target = WebhookTarget, NoticeId = notice.Id, DedupeKey = $"notice:{notice.Id}", CreatedAt = now, NextAttemptAt = now };
    }
}
