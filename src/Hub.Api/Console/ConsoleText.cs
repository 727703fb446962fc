using Hub.Policy.Administration;

namespace Hub.Api.PrivacyConsole;

/// <summary>Japanese words the console shows for the service's states and refusals.</summary>
public static class ConsoleText
{
    /// <summary>A version's state as officers say it.</summary>
    public static string State(PolicyVersionState state) => state switch
    {
        PolicyVersionState.Draft => "起案中 (下書き)",
        PolicyVersionState.InReview => "審査中",
        PolicyVersionState.Approved => "決裁済 (公開待ち)",
        PolicyVersionState.Published => "公開中",
        PolicyVersionState.Superseded => "旧版",
        _ => state.ToString(),
    };

    /// <summary>An action as officers say it.</summary>
    public static string Action(string action) => action switch
    {
        "read" => "閲覧",
        "extract" => "抽出",
        "lookup" => "番号検索",
        _ => action,
    };

    /// <summary>A policy audit action as officers say it.</summary>
    public static string Audit(PolicyAuditAction action) => action switch
    {
        PolicyAuditAction.DraftCreated => "起案",
        PolicyAuditAction.DraftUpdated => "修正",
        PolicyAuditAction.Submitted => "審査依頼",
        PolicyAuditAction.Approved => "決裁",
        PolicyAuditAction.Returned => "差戻し",
        PolicyAuditAction.ReviewRefused => "審査・決裁の拒否",
        PolicyAuditAction.Published => "公開",
        PolicyAuditAction.RolledBack => "ロールバック",
        PolicyAuditAction.PublishRejected => "公開の拒否",
        _ => action.ToString(),
    };

    /// <summary>The message for a refusal of the service, or null for an unexpected failure (which is not shown).</summary>
    public static string? Refusal(Exception e) => e switch
    {
        PolicyReviewException r => "受け付けられません: " + string.Join(" / ", r.Problems),
        PolicyReasonException => "理由を入力してください (すべての変更は理由とともに記録されます)。",
        PolicyPublicationException p => "公開できません (検査エラー): " + string.Join(" / ", p.Errors),
        PolicyDraftRejectedException d => "下書きが検査を通りません: " + string.Join(" / ", d.Errors),
        PolicyVersionConflictException c => "他の担当者の操作と競合しました: " + c.Message,
        KeyNotFoundException k => k.Message,
        InvalidOperationException i => i.Message,
        ArgumentException a when a.ParamName == "basis" => "法的根拠を入力してください (許可・取消には根拠が必要です)。",
        ArgumentException a => a.Message,
        _ => null,
    };
}
