namespace Hub.Capabilities.Intake;

/// <summary>One leg a life event's application opens (<c>schemas/life-events/intake/intake.json</c>).</summary>
/// <param name="Procedure">The life-event procedure id.</param>
/// <param name="Name">手続き名 (from the life-event rule).</param>
/// <param name="Department">担当課.</param>
/// <param name="Task">The task (事務コード) the leg is handled and released under.</param>
/// <param name="Role">The policy role whose mask in <paramref name="Task"/> pre-fills the leg and releases it to the department's system.</param>
/// <param name="SlaDays">処理期限 in days.</param>
/// <param name="FormId">The procedure's form, or null.</param>
public sealed record IntakeLegRule(string Procedure, string Name, string Department, string Task, string Role, int SlaDays, string? FormId);
