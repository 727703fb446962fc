namespace Hub.Demo.City;

/// <summary>
/// Turns drafts into numbered, named, placed households and lets <see cref="LifeEvents"/> give them a
/// recent history. Everything a household needs is drawn from its own random stream, so a household
/// never depends on the ones before it.
/// </summary>
internal sealed class HouseholdComposer
{
    private const double ForeignHouseholdShare = 0.032;
    private const double ForeignSpouseShare = 0.012;

    private readonly DemoCityOptions _options;
    private readonly IdentifierIssuer _ids;
    private readonly AreaCatalog _areas;
    private readonly AddressBook _addresses;
    private readonly LifeEvents _events;

    public HouseholdComposer(DemoCityOptions options, IdentifierIssuer ids, AreaCatalog areas)
    {
        _options = options;
        _ids = ids;
        _areas = areas;
        _addresses = new AddressBook(options.Seed);
        _events = new LifeEvents(options, areas);
    }

    public LifeEvents Events => _events;

    /// <summary>A household with current residents (at most <paramref name="remaining"/>), possibly with removed former members.</summary>
    public DemoHousehold ComposeCurrent(DemoRandom rng, int remaining)
    {
        var foreign = rng.Chance(ForeignHouseholdShare);
        HouseholdKind kind;
        List<Draft> drafts;
        var attempts = 0;
        do
        {
            kind = HouseholdDrafts.PickKind(rng, foreign);
            drafts = HouseholdDrafts.Compose(kind, foreign, rng);
        }
        while (++attempts < 50 && rng.NextDouble() >= AgePyramid.AcceptanceOf(drafts));

        if (drafts.Count > remaining)
        {
            kind = HouseholdKind.Single;
            drafts = HouseholdDrafts.Compose(kind, foreign, rng);
        }

        if (!foreign && kind is HouseholdKind.Couple or HouseholdKind.CoupleWithChildren && rng.Chance(ForeignSpouseShare))
        {
            drafts[1] = drafts[1] with { Family = 3 };
        }

        var household = Build(drafts, kind, foreign, rng);
        _events.ApplyCurrent(household, this, rng);
        return household;
    }

    /// <summary>A household all of whose members were removed (転出, 死亡, 国外転出, 職権消除) during the event window.</summary>
    public DemoHousehold ComposeRemoved(DemoRandom rng)
    {
        var foreign = rng.Chance(0.15);
        var kind = (HouseholdKind)rng.PickWeighted([0.6, 0.15, 0.25]);
        var household = Build(HouseholdDrafts.Compose(kind, foreign, rng), kind, foreign, rng);
        _events.ApplyRemoved(household, rng);
        return household;
    }

    /// <summary>Adds a person to <paramref name="household"/> (used for removed former members too).</summary>
    public DemoPerson AddPerson(DemoHousehold household, Draft draft, NamePair surname, DemoRandom rng)
    {
        var (ordinal, atena) = _ids.NextPerson();
        var birth = _options.AsOf.AddYears(-draft.Age).AddDays(-rng.Between(1, 364));
        if (birth.Year is 1926 or 1927 && rng.Chance(0.08))
        {
            birth = BirthDateText.ShowaStart;
        }

        var nationality = draft.Family == 3 ? ForeignNames.PickSpouseNationality(rng) : household.Nationality;
        var person = new DemoPerson
        {
            Ordinal = ordinal,
            Atena = atena,
            Sex = draft.Sex,
            BirthDate = birth,
            Relationship = draft.Relationship,
            IsForeign = nationality is not null,
            Nationality = nationality?.Name ?? string.Empty,
            JuminhyoCode = _ids.JuminhyoCodeFor(ordinal),
            MyNumber = _ids.MyNumberFor(ordinal),
            HeadAtena = household.Members.Count == 0 ? atena : household.Head.Atena,
        };

        // Members of one household do not share a full name (a second draw almost always differs).
        for (var attempt = 0; attempt < 4 && (attempt == 0 || household.Members.Exists(m => m.Name == person.Name)); attempt++)
        {
            if (nationality is null)
            {
                var given = JapaneseNames.PickGiven(rng, draft.Sex, birth.Year);
                person.Name = surname.Text + "　" + given.Text;
                person.NameKana = surname.Kana + "　" + given.Kana;
            }
            else
            {
                NameForeigner(person, household, nationality, surname, draft, rng);
            }
        }

        person.BirthDateText = BirthDateText.For(person, _options.AsOf, rng);
        household.Members.Add(person);
        return person;
    }

    private DemoHousehold Build(List<Draft> drafts, HouseholdKind kind, bool foreign, DemoRandom rng)
    {
        var (ordinal, number) = _ids.NextHousehold();
        var nationality = foreign ? ForeignNames.PickNationality(rng) : null;
        var household = new DemoHousehold
        {
            Number = number,
            Ordinal = ordinal,
            Area = _areas.Pick(rng),
            IsForeign = foreign,
            Nationality = nationality,
            Kind = kind,
        };

        var headAge = drafts[0].Age;
        var apartment = foreign ? 0.8
            : kind switch
            {
                HouseholdKind.Single => headAge < 40 ? 0.75 : 0.3,
                HouseholdKind.Couple => 0.3,
                HouseholdKind.ThreeGenerations => 0.05,
                _ => 0.25,
            };
        _addresses.Place(household, household.Area, rng.Chance(apartment), rng);

        NamePair[] families = foreign
            ? [rng.Pick(nationality!.Surnames), rng.Pick(nationality.Surnames), rng.Pick(nationality.Surnames)]
            : [JapaneseNames.PickSurname(rng), JapaneseNames.PickSurname(rng), JapaneseNames.PickSurname(rng)];
        foreach (var draft in drafts)
        {
            AddPerson(household, draft, families[Math.Min(draft.Family, 2)], rng);
        }

        return household;
    }

    private static void NameForeigner(DemoPerson person, DemoHousehold household, Nationality nationality, NamePair familySurname, Draft draft, DemoRandom rng)
    {
        // Chinese and Korean spouses keep their own family names; a foreign spouse of a Japanese head has her or his own.
        var ownSurname = draft.Family == 3 || (nationality.KanjiNames && draft.Relationship is "妻" or "夫");
        var surname = ownSurname ? rng.Pick(nationality.Surnames) : familySurname;
        var given = rng.Pick(draft.Sex == Sex.Male ? nationality.MaleGiven : nationality.FemaleGiven);
        person.Name = surname.Text + "　" + given.Text;
        person.NameKana = surname.Kana + "　" + given.Kana;

        var age = draft.Age;
        if (draft.Family == 3 && rng.Chance(0.5) && household.Members.Count > 0)
        {
            // A foreign spouse often registers the Japanese family name as 通称.
            var headSurname = household.Head.Name.Split('　')[0];
            var headSurnameKana = household.Head.NameKana.Split('　')[0];
            var given2 = JapaneseNames.PickGiven(rng, draft.Sex, 1985);
            person.Alias = headSurname + "　" + given2.Text;
            person.AliasKana = headSurnameKana + "　" + given2.Kana;
        }
        else if (draft.Family != 3 && rng.Chance(nationality.AliasRate * (age >= 50 ? 1.6 : 0.6)))
        {
            var aliasSurname = rng.Pick(ForeignNames.AliasSurnames);
            var aliasGiven = JapaneseNames.PickGiven(rng, draft.Sex, person.BirthDate.Year);
            person.Alias = aliasSurname.Text + "　" + aliasGiven.Text;
            person.AliasKana = aliasSurname.Kana + "　" + aliasGiven.Kana;
        }
    }
}
