using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>Layout fields → <see cref="CanonicalResident"/>.</summary>
internal sealed class ResidentMapping : RecordMapping
{
    public override Type RecordType => typeof(CanonicalResident);

    public override IReadOnlyDictionary<string, FieldKind> Fields { get; } = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["atenaNumber"] = FieldKind.Atena,
        ["householdNumber"] = FieldKind.Household,
        ["juminhyoCode"] = FieldKind.Juminhyo,
        ["myNumber"] = FieldKind.MyNumber,
        ["residentKind"] = FieldKind.ResidentKind,
        ["name"] = FieldKind.Name,
        ["nameKana"] = FieldKind.Kana,
        ["alias"] = FieldKind.Name,
        ["aliasKana"] = FieldKind.Kana,
        ["nationality"] = FieldKind.Text,
        ["sex"] = FieldKind.Sex,
        ["birthDate"] = FieldKind.EraDate,
        ["relationship"] = FieldKind.Relationship,
        ["householdHeadAtenaNumber"] = FieldKind.Atena,
        ["postalCode"] = FieldKind.Text,
        ["areaCode"] = FieldKind.Text,
        ["address"] = FieldKind.Text,
        ["addressSupplement"] = FieldKind.Text,
        ["isRemoved"] = FieldKind.Bool,
        ["changeReason"] = FieldKind.ChangeReason,
        ["changeDate"] = FieldKind.Date,
        ["notifiedOn"] = FieldKind.Date,
        ["previousAddress"] = FieldKind.Text,
        ["sourceTimestamp"] = FieldKind.Timestamp,
    };

    public override IReadOnlyList<string> Required { get; } = ["atenaNumber", "residentKind", "name", "sex", "isRemoved", "sourceTimestamp"];

    public override CanonicalRecord Build(FieldValues v) => new CanonicalResident
    {
        AtenaNumber = v.Required<AtenaNumber>("atenaNumber"),
        HouseholdNumber = v.Value<HouseholdNumber>("householdNumber"),
        JuminhyoCode = v.Value<JuminhyoCode>("juminhyoCode"),
        MyNumber = v.Value<MyNumber>("myNumber"),
        ResidentKind = v.Required<ResidentKind>("residentKind"),
        Name = v.Required<PersonName>("name"),
        NameKana = v.Get<KanaName>("nameKana"),
        Alias = v.Get<PersonName>("alias"),
        AliasKana = v.Get<KanaName>("aliasKana"),
        Nationality = v.Get<string>("nationality"),
        Sex = v.Required<Sex>("sex"),
        BirthDate = v.Get<JapaneseEraDate>("birthDate"),
        Relationship = v.Value<Relationship>("relationship"),
        HouseholdHeadAtenaNumber = v.Value<AtenaNumber>("householdHeadAtenaNumber"),
        PostalCode = v.Get<string>("postalCode"),
        AreaCode = v.Get<string>("areaCode"),
        Address = v.Get<string>("address"),
        AddressSupplement = v.Get<string>("addressSupplement"),
        IsRemoved = v.Required<bool>("isRemoved"),
        ChangeReason = v.Value<ChangeReason>("changeReason"),
        ChangeDate = v.Value<DateOnly>("changeDate"),
        NotifiedOn = v.Value<DateOnly>("notifiedOn"),
        PreviousAddress = v.Get<string>("previousAddress"),
        SourceTimestamp = v.Required<DateTimeOffset>("sourceTimestamp"),
    };
}
