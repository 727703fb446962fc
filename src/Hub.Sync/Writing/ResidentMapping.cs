using Hub.Adapters.Records;
using Hub.Data.Entities;

namespace Hub.Sync.Writing;

/// <summary>Canonical resident → stored version (explicit code: every member is mapped or the build fails on an unused one).</summary>
internal static class ResidentMapping
{
    public static ResidentRecord ToRecord(CanonicalResident r, RunStamp stamp)
    {
        var record = new ResidentRecord
        {
            AtenaNumber = r.AtenaNumber.Value,
            JuminhyoCode = r.JuminhyoCode?.Value,
            MyNumber = r.MyNumber?.Digits,
            ResidentKind = r.ResidentKind.Label,
            Name = r.Name.Original,
            NameSearchKey = r.Name.SearchKey,
            NameKana = r.NameKana?.Original,
            NameKanaSearchKey = r.NameKana?.SearchKey,
            Alias = r.Alias?.Original,
            AliasSearchKey = r.Alias?.SearchKey,
            AliasKana = r.AliasKana?.Original,
            Nationality = r.Nationality,
            Sex = r.Sex.Label,
            BirthDateText = r.BirthDate?.Original,
            BirthDateEarliest = r.BirthDate?.Earliest,
            BirthDateLatest = r.BirthDate?.Latest,
            BirthDatePrecision = r.BirthDate?.Precision.ToString(),
            BirthDateOnCalendar = r.BirthDate?.IsOnCalendar ?? true,
            Relationship = r.Relationship?.Label,
            HouseholdNumber = r.HouseholdNumber?.Value,
            PostalCode = r.PostalCode,
            AreaCode = r.AreaCode,
            Address = r.Address,
            AddressSupplement = r.AddressSupplement,
            Status = r.IsRemoved ? "消除" : "住民",
            ChangeReason = r.ChangeReason?.Label,
            ChangeDate = r.ChangeDate,
            NotifiedOn = r.NotifiedOn,
            PreviousAddress = r.PreviousAddress,
        };
        Provenance.Stamp(record, r.SourceKey, r.SourceTimestamp, stamp);
        // Business validity: from the last change (or the source's timestamp); a 消除 ends it on its date.
        var changedAt = r.ChangeDate is { } d ? Provenance.StartOfDayJst(d) : r.SourceTimestamp.UtcDateTime;
        record.ValidFrom = changedAt;
        record.ValidTo = r.IsRemoved ? changedAt : null;
        record.ContentHash = ContentHash.Begin()
            .Add(record.AtenaNumber).Add(record.JuminhyoCode).Add(record.MyNumber).Add(record.ResidentKind).Add(record.Name).Add(record.NameKana).Add(record.Alias)
            .Add(record.AliasKana).Add(record.Nationality).Add(record.Sex).Add(record.BirthDateText).Add(record.Relationship).Add(record.HouseholdNumber)
            .Add(record.PostalCode).Add(record.AreaCode).Add(record.Address).Add(record.AddressSupplement).Add(record.Status).Add(record.ChangeReason)
            .Add(record.ChangeDate).Add(record.NotifiedOn).Add(record.PreviousAddress).Add(record.ValidFrom).Add(record.ValidTo).Finish();
        return record;
    }

    /// <summary>The household a head's row describes, or null when the row is not a living household head.</summary>
    public static HouseholdRecord? ToHousehold(CanonicalResident r, RunStamp stamp)
    {
        if (r.IsRemoved || r.HouseholdNumber is not { } number || r.Relationship?.IsHouseholdHead != true)
        {
            return null;
        }

        var record = new HouseholdRecord
        {
            HouseholdNumber = number.Value,
            HeadAtenaNumber = r.AtenaNumber.Value,
            HeadName = r.Name.Original,
            PostalCode = r.PostalCode,
            AreaCode = r.AreaCode,
            Address = r.Address,
            AddressSupplement = r.AddressSupplement,
        };
        Provenance.Stamp(record, number.Value, r.SourceTimestamp, stamp);
        record.ValidFrom = r.SourceTimestamp.UtcDateTime;
        record.ContentHash = ContentHash.Begin().Add(record.HouseholdNumber).Add(record.HeadAtenaNumber).Add(record.HeadName).Add(record.PostalCode)
            .Add(record.AreaCode).Add(record.Address).Add(record.AddressSupplement).Finish();
        return record;
    }
}
