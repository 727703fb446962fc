using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Writing;

/// <summary>
/// 宛名番号 is the key across systems: which persons a record of another system refers to, and the My Number
/// it claims for them. The registry itself claims nothing (it is the reference).
/// </summary>
internal readonly record struct IdentityClaim(string Field, string AtenaNumber, string? MyNumber)
{
    public static IEnumerable<IdentityClaim> Of(CanonicalRecord record) => record switch
    {
        CanonicalTaxAssessment t => [new("atena_number", t.AtenaNumber.Value, t.MyNumber?.Digits)],
        CanonicalNhiQualification q => [new("atena_number", q.AtenaNumber.Value, q.MyNumber?.Digits)],
        CanonicalChildAllowanceEntitlement c => [new("recipient_atena", c.RecipientAtenaNumber.Value, null), new("child_atena", c.ChildAtenaNumber.Value, null)],
        _ => [],
    };
}
