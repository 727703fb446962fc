using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>Layout fields → <see cref="CanonicalNhiQualification"/>.</summary>
internal sealed class NhiQualificationMapping : RecordMapping
{
    public override Type RecordType => typeof(CanonicalNhiQualification);

    public override IReadOnlyDictionary<string, FieldKind> Fields { get; } = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["atenaNumber"] = FieldKind.Atena,
        ["myNumber"] = FieldKind.MyNumber,
        ["householdNumber"] = FieldKind.Household,
        ["insuredSymbol"] = FieldKind.Text,
        ["insuredNumber"] = FieldKind.Text,
        ["acquiredOn"] = FieldKind.Date,
        ["lostOn"] = FieldKind.Date,
        ["acquisitionReason"] = FieldKind.Text,
        ["lossReason"] = FieldKind.Text,
        ["sourceTimestamp"] = FieldKind.Timestamp,
    };

    public override IReadOnlyList<string> Required { get; } = ["atenaNumber", "sourceTimestamp"];

    public override CanonicalRecord Build(FieldValues v) => new CanonicalNhiQualification
    {
        AtenaNumber = v.Required<AtenaNumber>("atenaNumber"),
        MyNumber = v.Value<MyNumber>("myNumber"),
        HouseholdNumber = v.Value<HouseholdNumber>("householdNumber"),
        InsuredSymbol = v.Get<string>("insuredSymbol"),
        InsuredNumber = v.Get<string>("insuredNumber"),
        AcquiredOn = v.Value<DateOnly>("acquiredOn"),
        LostOn = v.Value<DateOnly>("lostOn"),
        AcquisitionReason = v.Get<string>("acquisitionReason"),
        LossReason = v.Get<string>("lossReason"),
        SourceTimestamp = v.Required<DateTimeOffset>("sourceTimestamp"),
    };
}
