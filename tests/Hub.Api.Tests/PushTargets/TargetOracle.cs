using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data.Entities;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// The independent, straightforward evaluation the SQL is checked against: resident by resident in memory, over the
/// residents and households of the reference date (<see cref="CitySnapshot.IsResidentOn"/>), ages by counting
/// birthdays, three-valued (true / false / null = uncertain) with Kleene's AND, OR and NOT.
/// </summary>
internal sealed class TargetOracle
{
    private readonly CitySnapshot _city;
    private readonly DateOnly _asOf;
    private readonly HashSet<string> _recipients;
    private readonly HashSet<string?> _children;

    public TargetOracle(CitySnapshot city, DateOnly asOf)
    {
        _city = city;
        _asOf = asOf;
        var active = city.ActiveAllowances(asOf).ToList();
        _recipients = active.Where(e => e.RecipientAtenaNumber != null).Select(e => e.RecipientAtenaNumber!).ToHashSet();
        _children = active.Select(e => e.ChildAtenaNumber).ToHashSet();
    }

    /// <summary>宛名番号 → uncertain flag of every selected living resident.</summary>
    public Dictionary<string, bool> Select(TargetCriterion criterion)
    {
        var selected = new Dictionary<string, bool>();
        foreach (var r in _city.ResidentsOn(_asOf))
        {
            var value = Eval(criterion, r);
            if (value != false)
            {
                selected.Add(r.AtenaNumber, value is null);
            }
        }

        return selected;
    }

    private bool? Eval(TargetCriterion c, ResidentRecord r) => c switch
    {
        AllCriterion all => all.Items.Select(i => Eval(i, r)).Aggregate((bool?)true, (a, b) => a == false || b == false ? false : a == true && b == true ? true : null),
        AnyCriterion any => any.Items.Select(i => Eval(i, r)).Aggregate((bool?)false, (a, b) => a == true || b == true ? true : a == false && b == false ? false : null),
        NotCriterion not => Eval(not.Item, r) is { } v ? !v : null,
        RegionCriterion region => region.AreaCodes.Contains(r.AreaCode) || region.PostalCodes.Contains(r.PostalCode),
        AgeCriterion age => Mode(Aged(r, age.Min, age.Max), age.Uncertain),
        TurnsAgeCriterion turns => Mode(Turns(r, turns), turns.Uncertain),
        RelationshipCriterion rel => rel.Values.Contains(r.Relationship),
        MovedInSinceCriterion moved => _city.AllVersions.Any(v => v.AtenaNumber == r.AtenaNumber && v.ChangeReason == "転入" && v.ChangeDate >= moved.Since.On(_asOf) && v.ChangeDate <= _asOf),
        HouseholdSizeCriterion size => r.HouseholdNumber != null && Between(MembersOf(r).Count(), size.Min, size.Max),
        HouseholdMemberAgedCriterion aged => Exists(MembersOf(r).Select(m => Mode(Aged(m, aged.Min, aged.Max), aged.Uncertain))),
        HouseholdChildrenCriterion children => Mode(Children(r, children), children.Uncertain),
        SingleParentCriterion single => SingleParent(r, single.Uncertain),
        ElderlyLivingAloneCriterion alone => r.HouseholdNumber != null && MembersOf(r).Count() == 1 ? Mode(Aged(r, alone.MinAge, null), alone.Uncertain) : false,
        BirthInHouseholdCriterion birth => Exists(MembersOf(r).Select(m => Mode(BornWithin(m, birth.Since.On(_asOf), _asOf), birth.Uncertain))),
        NhiMemberCriterion nhi => _city.NhiOn(r.AtenaNumber, _asOf) == nhi.Value,
        ChildAllowanceRecipientCriterion recipient => _recipients.Contains(r.AtenaNumber) == recipient.Value,
        ChildAllowanceChildCriterion child => _children.Contains(r.AtenaNumber) == child.Value,
        HouseholdChildAllowanceCriterion household => MembersOf(r).Any(m => _recipients.Contains(m.AtenaNumber)) == household.Value,
        NonTaxableHouseholdCriterion nonTaxable => NonTaxable(r, nonTaxable.FiscalYear.On(_asOf)),
        RecordCriterion record => _city.Records.Any(g => g.AtenaNumber == r.AtenaNumber && g.Kind == record.Kind && (!record.Active || ValidOn(g)) && record.Where.All(t => Passes(g, t))),
        _ => throw new NotSupportedException(c.GetType().Name),
    };

    // Validity read from the record's own dating fields (not the stored valid_from/valid_to): 認定有効期間 ends inclusive, 資格喪失日 exclusive.
    private bool ValidOn(Hub.Data.Entities.GenericRecord g)
    {
        using var values = System.Text.Json.JsonDocument.Parse(g.Values);
        DateOnly? Day(string name) => values.RootElement.TryGetProperty(name, out var v) ? DateOnly.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
        return g.Kind switch
        {
            "longTermCare" => Day("validFrom") <= _asOf && (Day("validUntil") is not { } until || _asOf <= until),
            "lateElderly" => Day("acquiredOn") <= _asOf && (Day("lostOn") is not { } lost || _asOf < lost),
            _ => throw new NotSupportedException(g.Kind),
        };
    }

    private static bool Passes(Hub.Data.Entities.GenericRecord g, RecordFieldTest test)
    {
        using var values = System.Text.Json.JsonDocument.Parse(g.Values);
        if (!values.RootElement.TryGetProperty(test.Field, out var v))
        {
            return false;
        }

        var text = v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : v.GetRawText();
        static string Text(object o) => o is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();
        return (test.Is is null || Text(test.Is) == text) && (test.In is null || test.In.Any(i => Text(i) == text));
    }

    private IEnumerable<ResidentRecord> MembersOf(ResidentRecord r) => _city.MembersOf(r, _asOf);

    private static bool? Mode(bool? value, UncertainAges mode) => value ?? mode switch
    {
        UncertainAges.Include => true,
        UncertainAges.Exclude => false,
        _ => null,
    };

    private static bool? Exists(IEnumerable<bool?> values)
    {
        var list = values.ToList();
        return list.Contains(true) ? true : list.Contains(null) ? null : false;
    }

    private static bool Between(int n, int? min, int? max) => n >= (min ?? 0) && n <= (max ?? int.MaxValue);

    // Age falls as the birth date moves later: the earliest birth gives the oldest age.
    private bool? Aged(ResidentRecord r, int? min, int? max)
    {
        int? oldest = r.BirthDateEarliest is { } e ? AgeRules.AgeOn(e, _asOf) : null;
        int? youngest = r.BirthDateLatest is { } l ? AgeRules.AgeOn(l, _asOf) : null;
        var sure = oldest is not null && youngest is not null && youngest >= (min ?? int.MinValue) && oldest <= (max ?? int.MaxValue);
        var maybe = (oldest ?? int.MaxValue) >= (min ?? int.MinValue) && (youngest ?? int.MinValue) <= (max ?? int.MaxValue);
        return sure ? true : maybe ? null : false;
    }

    private bool? Turns(ResidentRecord r, TurnsAgeCriterion turns)
    {
        var (from, to) = turns.Window.On(_asOf);
        DateOnly? first = r.BirthDateEarliest is { } e ? AgeRules.Birthday(e, turns.Age) : null;
        DateOnly? last = r.BirthDateLatest is { } l ? AgeRules.Birthday(l, turns.Age) : null;
        var sure = first >= from && last <= to;
        var maybe = (last is null || last >= from) && (first is null || first <= to);
        return sure ? true : maybe ? null : false;
    }

    private static bool? BornWithin(ResidentRecord m, DateOnly from, DateOnly to)
    {
        var sure = m.BirthDateEarliest >= from && m.BirthDateLatest <= to;
        var maybe = (m.BirthDateLatest is null || m.BirthDateLatest >= from) && (m.BirthDateEarliest is null || m.BirthDateEarliest <= to);
        return sure ? true : maybe ? null : false;
    }

    private bool? Children(ResidentRecord r, HouseholdChildrenCriterion c)
    {
        if (r.HouseholdNumber is null)
        {
            return false;
        }

        var values = MembersOf(r).Select(m => Aged(m, null, 17)).ToList();
        int sure = values.Count(v => v == true), maybe = values.Count(v => v != false);
        return Between(sure, c.Min, null) && Between(maybe, null, c.Max) ? true
            : Between(maybe, c.Min, null) && Between(sure, null, c.Max) ? null : false;
    }

    private bool? SingleParent(ResidentRecord r, UncertainAges mode)
    {
        var members = MembersOf(r).ToList();
        if (!members.Any(m => m.Relationship == "世帯主") || members.Any(m => m.Relationship is "妻" or "夫"))
        {
            return false;
        }

        return Exists(members.Where(m => m.Relationship == "子").Select(m => Mode(Aged(m, null, 17), mode)));
    }

    private bool NonTaxable(ResidentRecord r, int year)
    {
        var assessments = MembersOf(r).SelectMany(m => _city.Tax.Where(a => a.AtenaNumber == m.AtenaNumber && a.FiscalYear == year)).ToList();
        return assessments.Count > 0 && assessments.All(a => a.NonTaxable);
    }
}
