namespace Hub.Capabilities.LifeEvents;

/// <summary>
/// The facts a life-event rule may test, computed from the common database for the event's subject and
/// household on the event date. The subject is the person the event is about (the newborn, the deceased,
/// the person moving or retiring); <c>household.*</c> counts living members of the subject's 世帯,
/// the subject included while living.
/// </summary>
public static class LifeEventFact
{
    /// <summary>Every fact name with its kind and a Japanese description for staff.</summary>
    public static IReadOnlyDictionary<string, (LifeEventFactKind Kind, string Description)> Catalog { get; } = new Dictionary<string, (LifeEventFactKind, string)>(StringComparer.Ordinal)
    {
        ["subject.age"] = (LifeEventFactKind.Number, "本人の満年齢（生年月日不詳で確定しないときは値なし）"),
        ["subject.ageUncertain"] = (LifeEventFactKind.Boolean, "本人の生年月日が不詳で年齢が確定しない"),
        ["subject.relationship"] = (LifeEventFactKind.Text, "本人の続柄"),
        ["subject.isHouseholdHead"] = (LifeEventFactKind.Boolean, "本人が世帯主"),
        ["subject.living"] = (LifeEventFactKind.Boolean, "本人の住民記録が消除されていない"),
        ["subject.registeredByBirth"] = (LifeEventFactKind.Boolean, "出生による住民記録の記載がある"),
        ["subject.registeredByMoveIn"] = (LifeEventFactKind.Boolean, "転入による住民記録の記載がある"),
        ["subject.nhiMember"] = (LifeEventFactKind.Boolean, "本人が国民健康保険の被保険者"),
        ["subject.childAllowanceRecipient"] = (LifeEventFactKind.Boolean, "本人が児童手当の受給者"),
        ["subject.childAllowanceCovered"] = (LifeEventFactKind.Boolean, "本人を対象児童とする児童手当が認定済み"),
        ["subject.hasSalaryIncome"] = (LifeEventFactKind.Boolean, "最新年度の住民税課税で給与所得がある"),
        ["household.size"] = (LifeEventFactKind.Number, "世帯員数"),
        ["household.childrenUnder18"] = (LifeEventFactKind.Number, "18歳未満の世帯員数"),
        ["household.childrenUnder6"] = (LifeEventFactKind.Number, "6歳未満（就学前）の世帯員数"),
        ["household.nhiMembers"] = (LifeEventFactKind.Number, "国民健康保険の被保険者である世帯員数"),
        ["household.childAllowanceRecipients"] = (LifeEventFactKind.Number, "児童手当の受給者である世帯員数"),
        ["household.hasLivingHead"] = (LifeEventFactKind.Boolean, "住民である世帯主がいる"),
    };

    /// <summary>
    /// The catalog paths each fact is computed from. A fact is a disclosure of these paths: a rule may use it only in a
    /// task that may read every one of them, and the access record of a guide names them.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sources { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["subject.age"] = [BirthDate],
        ["subject.ageUncertain"] = [BirthDate],
        ["subject.relationship"] = [Relationship],
        ["subject.isHouseholdHead"] = [Relationship],
        ["subject.living"] = [Status],
        ["subject.registeredByBirth"] = [ChangeReason],
        ["subject.registeredByMoveIn"] = [ChangeReason],
        ["subject.nhiMember"] = ["nhi.acquiredOn", "nhi.lostOn"],
        ["subject.childAllowanceRecipient"] = ["childAllowance.recipientAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
        ["subject.childAllowanceCovered"] = ["childAllowance.childAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
        ["subject.hasSalaryIncome"] = ["tax.salaryIncome", "tax.fiscalYear"],
        ["household.size"] = [Members, Status],
        ["household.childrenUnder18"] = [Members, Status, BirthDate],
        ["household.childrenUnder6"] = [Members, Status, BirthDate],
        ["household.nhiMembers"] = [Members, Status, "nhi.acquiredOn", "nhi.lostOn"],
        ["household.childAllowanceRecipients"] = [Members, Status, "childAllowance.recipientAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
        ["household.hasLivingHead"] = [Members, Status, Relationship],
    };

    private const string BirthDate = "resident.birthDate";
    private const string Relationship = "resident.relationship";
    private const string Status = "resident.status";
    private const string ChangeReason = "resident.changeReason";
    private const string Members = "household.members";
}

/// <summary>Kinds of fact values.</summary>
public enum LifeEventFactKind
{
    /// <summary>true / false.</summary>
    Boolean,

    /// <summary>An integer, or no value when uncertain.</summary>
    Number,

    /// <summary>A label.</summary>
    Text,
}
