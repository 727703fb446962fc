namespace Hub.Capabilities.Intake;

/// <summary>
/// The leg status model: 送信済 → 受付 → 処理中 → 補正依頼 ⇄ 処理中 → 処理完了 / 却下, and 取下げ by the applicant from any
/// open state. The department makes every change but 取下げ; the applicant makes only 取下げ. Closed states are final.
/// </summary>
public static class IntakeStatusModel
{
    private static readonly Dictionary<IntakeLegStatus, IntakeLegStatus[]> ByDepartment = new()
    {
        [IntakeLegStatus.Sent] = [IntakeLegStatus.Received],
        [IntakeLegStatus.Received] = [IntakeLegStatus.InProgress, IntakeLegStatus.CorrectionRequested, IntakeLegStatus.Rejected],
        [IntakeLegStatus.InProgress] = [IntakeLegStatus.CorrectionRequested, IntakeLegStatus.Completed, IntakeLegStatus.Rejected],
        [IntakeLegStatus.CorrectionRequested] = [IntakeLegStatus.InProgress, IntakeLegStatus.Rejected],
    };

    /// <summary>The Japanese label of a status.</summary>
    public static string Label(IntakeLegStatus status) => status switch
    {
        IntakeLegStatus.Sent => "送信済",
        IntakeLegStatus.Received => "受付",
        IntakeLegStatus.InProgress => "処理中",
        IntakeLegStatus.CorrectionRequested => "補正依頼",
        IntakeLegStatus.Completed => "処理完了",
        IntakeLegStatus.Rejected => "却下",
        IntakeLegStatus.Withdrawn => "取下げ",
        _ => status.ToString(),
    };

    /// <summary>Whether the leg is closed (処理完了, 却下, 取下げ).</summary>
    public static bool IsClosed(IntakeLegStatus status) =>
        status is IntakeLegStatus.Completed or IntakeLegStatus.Rejected or IntakeLegStatus.Withdrawn;

    /// <summary>Whether <paramref name="by"/> may move a leg from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool Allows(IntakeLegStatus from, IntakeLegStatus to, IntakeActorKind by) => by switch
    {
        IntakeActorKind.Applicant => to == IntakeLegStatus.Withdrawn && !IsClosed(from),
        _ => ByDepartment.TryGetValue(from, out var next) && next.Contains(to),
    };

    /// <summary>The case's status from its legs' statuses.</summary>
    public static IntakeCaseStatus Derive(IEnumerable<IntakeLegStatus> legs)
    {
        ArgumentNullException.ThrowIfNull(legs);
        var all = legs.ToList();
        if (all.Count == 0 || all.All(s => s == IntakeLegStatus.Withdrawn))
        {
            return IntakeCaseStatus.Withdrawn;
        }

        if (all.Contains(IntakeLegStatus.CorrectionRequested))
        {
            return IntakeCaseStatus.CorrectionRequested;
        }

        if (all.All(IsClosed))
        {
            return all.Contains(IntakeLegStatus.Completed) ? IntakeCaseStatus.Completed : IntakeCaseStatus.Rejected;
        }

        return all.All(s => s is IntakeLegStatus.Sent or IntakeLegStatus.Withdrawn) ? IntakeCaseStatus.Submitted : IntakeCaseStatus.InProgress;
    }
}
