using Hub.Capabilities.Requests;

namespace Hub.Capabilities.Intake;

/// <summary>Who submits, and what their request may read (the guide deciding the legs is theirs, as <c>lifeEventGuide</c> shows it).</summary>
/// <param name="Context">The request context (user, task, purpose; a resident principal's 宛名番号).</param>
/// <param name="MayRead">Whether the request may read a catalog path for the household; a fact it may not read leaves a procedure 要確認, which still opens its leg.</param>
public sealed record IntakeRequester(HubRequestContext Context, Func<string, bool> MayRead)
{
    /// <summary>counter (staff) or portal (resident principal).</summary>
    public string Channel => Context.IsResident ? "portal" : "counter";
}
