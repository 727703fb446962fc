namespace Hub.Capabilities.Prefill;

/// <summary>
/// Something the counter must see before using a pre-filled form (注意喚起), e.g. an applicant no longer in the registry.
/// A warning is decided from catalog fields, so it is given only where the task may read them, and they are recorded.
/// </summary>
/// <param name="Code">Stable code, e.g. <see cref="Removed"/>.</param>
/// <param name="Message">What the clerk reads (Japanese).</param>
/// <param name="Paths">The catalog paths the warning was decided from.</param>
public sealed record PrefillWarning(string Code, string Message, IReadOnlyList<string> Paths)
{
    /// <summary>The applicant's registry entry is removed (消除: 死亡, 転出 …).</summary>
    public const string Removed = "REMOVED";

    /// <summary>
    /// The warning for <paramref name="applicant"/>, or null. 住民状態 decides it; 異動事由 and 異動日 add what happened and
    /// when, each only where the task may read it.
    /// </summary>
    public static PrefillWarning? For(Hub.Data.Entities.ResidentRecord applicant, Func<string, bool> mayRead)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(mayRead);
        if (!mayRead("resident.status") || applicant.Status != "消除")
        {
            return null;
        }

        var paths = new List<string> { "resident.status" };
        var what = "住民記録から消除されています";
        if (mayRead("resident.changeReason") && applicant.ChangeReason is { Length: > 0 } reason)
        {
            paths.Add("resident.changeReason");
            what = $"{reason}により住民記録から消除されています";
        }

        if (mayRead("resident.changeDate") && applicant.ChangeDate is { } day)
        {
            paths.Add("resident.changeDate");
            what += $"（異動日 {day:yyyy-MM-dd}）";
        }

        return new PrefillWarning(Removed, $"この方は{what}。申請者・対象者として正しいか、記載内容が現在も有効かを確認してください。", paths);
    }
}
