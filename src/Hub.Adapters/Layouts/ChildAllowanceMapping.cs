using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>Layout fields → <see cref="CanonicalChildAllowanceEntitlement"/>.</summary>
internal sealed class ChildAllowanceMapping : RecordMapping
{
    public override Type RecordType => typeof(CanonicalChildAllowanceEntitlement);

    public override IReadOnlyDictionary<string, FieldKind> Fields { get; } = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["entitlementId"] = FieldKind.Text,
        ["recipientAtenaNumber"] = FieldKind.Atena,
        ["childAtenaNumber"] = FieldKind.Atena,
        ["certifiedOn"] = FieldKind.Date,
        ["endedOn"] = FieldKind.Date,
        ["monthlyAmount"] = FieldKind.Int,
        ["status"] = FieldKind.Text,
        ["sourceTimestamp"] = FieldKind.Timestamp,
    };

    public override string KeyField => "entitlementId";

    public override IReadOnlyList<string> Required { get; } = ["entitlementId", "recipientAtenaNumber", "childAtenaNumber", "sourceTimestamp"];

    public override CanonicalRecord Build(FieldValues v) => new CanonicalChildAllowanceEntitlement
    {
        EntitlementId = v.Required<string>("entitlementId"),
        RecipientAtenaNumber = v.Required<AtenaNumber>("recipientAtenaNumber"),
        ChildAtenaNumber = v.Required<AtenaNumber>("childAtenaNumber"),
        CertifiedOn = v.Value<DateOnly>("certifiedOn"),
        EndedOn = v.Value<DateOnly>("endedOn"),
        MonthlyAmount = v.Value<int>("monthlyAmount"),
        Status = v.Get<string>("status"),
        SourceTimestamp = v.Required<DateTimeOffset>("sourceTimestamp"),
    };
}
