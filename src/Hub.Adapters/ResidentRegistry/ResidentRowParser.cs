using System.Globalization;
using Hub.Adapters.Domain.Dates;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Adapters.Records;

namespace Hub.Adapters.ResidentRegistry;

/// <summary>
/// Maps the fields of one export row to a <see cref="CanonicalResident"/>, or says which field is wrong.
/// Error texts name the column and the rule, never the value (they end up in quarantine listings).
/// </summary>
internal sealed class ResidentRowParser(IReadOnlyDictionary<string, int> columns, bool verifyCheckDigits)
{
    // The position in the row of each column of ResidentCsvColumns.Names, looked up once per file rather than per field.
    private readonly int[] _positions = [.. ResidentCsvColumns.Names.Select(n => columns[n])];
    private readonly EraDateMemo _birthDates = new();

    public bool TryParse(List<string> f, out CanonicalResident? resident, out string? error, out string? key)
    {
        resident = null;
        key = null;
        var row = new Row(f, _positions);
        if (!AtenaNumber.TryParse(row.Get(ResidentCsvColumns.AtenaNumber), verifyCheckDigits, out var atena, out var idError))
        {
            error = idError.Describe("atena_number");
            return false;
        }

        key = atena.Value;
        error = Parse(row, atena, out resident);
        return error is null;
    }

    private string? Parse(Row row, AtenaNumber atena, out CanonicalResident? resident)
    {
        resident = null;
        HouseholdNumber? household = null;
        if (row.Get(ResidentCsvColumns.HouseholdNumber) is { } hn)
        {
            if (!HouseholdNumber.TryParse(hn, verifyCheckDigits, out var h, out var e))
            {
                return e.Describe("household_number");
            }

            household = h;
        }

        AtenaNumber? head = null;
        if (row.Get(ResidentCsvColumns.HouseholdHeadAtena) is { } ha)
        {
            if (!AtenaNumber.TryParse(ha, verifyCheckDigits, out var h, out var e))
            {
                return e.Describe("household_head_atena");
            }

            head = h;
        }

        JuminhyoCode? juminhyo = null;
        if (row.Get(ResidentCsvColumns.JuminhyoCode) is { } jc)
        {
            if (!JuminhyoCode.TryParse(jc, out var j, out var e))
            {
                return e.Describe("juminhyo_code");
            }

            juminhyo = j;
        }

        MyNumber? myNumber = null;
        if (row.Get(ResidentCsvColumns.MyNumber) is { } mn)
        {
            if (!MyNumber.TryParse(mn, out var m, out var e))
            {
                return e.Describe("my_number");
            }

            myNumber = m;
        }

        if (!ResidentKind.TryParse(row.Get(ResidentCsvColumns.ResidentKind), out var kind, out _))
        {
            return "resident_kind: not 1 (日本人) or 2 (外国人)";
        }

        if (!Sex.TryParse(row.Get(ResidentCsvColumns.Sex), out var sex, out _))
        {
            return "sex: not a 性別 code (1, 2, 9)";
        }

        if (row.Get(ResidentCsvColumns.Name) is not { } name)
        {
            return "name: empty";
        }

        if (!TryKana(row.Get(ResidentCsvColumns.NameKana), "name_kana", out var nameKana, out var kanaError) ||
            !TryKana(row.Get(ResidentCsvColumns.AliasKana), "alias_kana", out var aliasKana, out kanaError))
        {
            return kanaError;
        }

        JapaneseEraDate? birth = null;
        if (row.Get(ResidentCsvColumns.BirthDate) is { } bd && !_birthDates.TryParse(bd, out birth))
        {
            return "birth_date: not a date in any accepted form (和暦, 西暦, era code or 不詳)";
        }

        Relationship? relationship = null;
        if (row.Get(ResidentCsvColumns.Relationship) is { } rel)
        {
            if (!Relationship.TryParse(rel, out var r, out _))
            {
                return "relationship: not a 続柄 of the vocabulary";
            }

            relationship = r;
        }

        bool removed;
        switch (row.Get(ResidentCsvColumns.Status))
        {
            case "1" or "住民":
                removed = false;
                break;
            case "2" or "消除":
                removed = true;
                break;
            default:
                return "status: not 1 (住民) or 2 (消除)";
        }

        ChangeReason? reason = null;
        if (row.Get(ResidentCsvColumns.ChangeReason) is { } cr)
        {
            if (!ChangeReason.TryParse(cr, out var c, out _))
            {
                return "change_reason: not an 異動事由 of the vocabulary";
            }

            reason = c;
        }

        if (!TryDate(row.Get(ResidentCsvColumns.ChangeDate), out var changeDate))
        {
            return "change_date: not an ISO date (yyyy-MM-dd)";
        }

        if (!TryDate(row.Get(ResidentCsvColumns.NotifiedOn), out var notifiedOn))
        {
            return "notified_on: not an ISO date (yyyy-MM-dd)";
        }

        if (!IsoText.TryParseTimestamp(row.Get(ResidentCsvColumns.UpdatedAt), out var updatedAt))
        {
            return "updated_at: not an ISO 8601 timestamp with offset";
        }

        resident = new CanonicalResident
        {
            AtenaNumber = atena,
            HouseholdNumber = household,
            JuminhyoCode = juminhyo,
            MyNumber = myNumber,
            ResidentKind = kind,
            Name = PersonName.From(name),
            NameKana = nameKana,
            Alias = row.Get(ResidentCsvColumns.Alias) is { } alias ? PersonName.From(alias) : null,
            AliasKana = aliasKana,
            Nationality = row.Get(ResidentCsvColumns.Nationality),
            Sex = sex,
            BirthDate = birth,
            Relationship = relationship,
            HouseholdHeadAtenaNumber = head,
            PostalCode = row.Get(ResidentCsvColumns.PostalCode),
            AreaCode = row.Get(ResidentCsvColumns.AreaCode),
            Address = row.Get(ResidentCsvColumns.Address),
            AddressSupplement = row.Get(ResidentCsvColumns.AddressSupplement),
            IsRemoved = removed,
            ChangeReason = reason,
            ChangeDate = changeDate,
            NotifiedOn = notifiedOn,
            PreviousAddress = row.Get(ResidentCsvColumns.PreviousAddress),
            SourceTimestamp = updatedAt,
        };
        return null;
    }

    private static bool TryKana(string? text, string column, out KanaName? kana, out string? error)
    {
        kana = null;
        error = null;
        if (text is null)
        {
            return true;
        }

        if (KanaName.TryParse(text, out kana, out _))
        {
            return true;
        }

        error = $"{column}: not a kana reading";
        return false;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (IsoText.TryParseDate(text, out var d))
        {
            date = d;
            return true;
        }

        return false;
    }

    /// <summary>One row's fields by column (<see cref="ResidentCsvColumns"/>); an empty field is null.</summary>
    private readonly struct Row(List<string> fields, int[] positions)
    {
        public string? Get(int column)
        {
            var v = fields[positions[column]];
            return string.IsNullOrEmpty(v) ? null : v;
        }
    }
}
