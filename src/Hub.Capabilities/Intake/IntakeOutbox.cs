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

    /// <summary>
    /// The leg owed to its department (target: the department, which the dispatcher maps to its adapter). The dedupe key is
    /// the delivery id the adapter sees: <c>leg:{id}</c> at submission, <c>leg:{id}:v{version}</c> when a changed leg (a
    /// 補正 answered) is owed again.
    /// </summary>
    public static IntakeOutboxMessage ForLeg(IntakeLeg leg, DateTime now, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var key = version is { } v ? $"leg:{leg.Id:N}:v{v}" : $"leg:{leg.Id:N}";
        return new() { Kind = LegKind, Target = leg.Department, LegId = leg.Id, DedupeKey = key, CreatedAt = now, NextAttemptAt = now };
    }

    /// <summary>The notice owed to the webhook.</summary>
    public static IntakeOutboxMessage ForNotice(IntakeNotice notice, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new() { Kind = NoticeKind, Target = WebhookTarget, NoticeId = notice.Id, DedupeKey = $"notice:{notice.Id}", CreatedAt = now, NextAttemptAt = now };
    }
}
