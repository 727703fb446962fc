namespace Hub.Demo.City;

/// <summary>
/// Gives a household the recent history a registry shows: who moved in (転入), moved within the city
/// (転居), was born (出生), split off (世帯分離), became head (世帯主変更), or left (転出, 死亡, 国外転出,
/// 職権消除) during the five years before the as-of date. Only each record's last change is kept, as in
/// the registry's current view.
/// </summary>
internal sealed class LifeEvents
{
    public const int WindowYears = 5;

    private readonly DemoCityOptions _options;
    private readonly AreaCatalog _areas;

    public LifeEvents(DemoCityOptions options, AreaCatalog areas)
    {
        _options = options;
        _areas = areas;
        WindowStart = options.AsOf.AddYears(-WindowYears);
        LastDay = options.AsOf.AddDays(-1);
    }

    /// <summary>First day of the event window.</summary>
    public DateOnly WindowStart { get; }

    /// <summary>The day before the as-of date: the last day anything happens.</summary>
    public DateOnly LastDay { get; }

    public void ApplyCurrent(DemoHousehold household, HouseholdComposer composer, DemoRandom rng)
    {
        var head = household.Head;
        var roll = rng.NextDouble();
        var moveInShare = household.IsForeign ? 0.45 : 0.13;
        DateOnly? moveIn = null, moveWithin = null, split = null;
        var previousAddress = string.Empty;
        if (roll < moveInShare)
        {
            moveIn = rng.DateBetween(WindowStart, LastDay);
            previousAddress = household.Nationality is { } n && rng.Chance(0.5) ? n.AbroadAddress : AddressBook.OtherMunicipality(rng);
        }
        else if (roll < moveInShare + 0.10)
        {
            moveWithin = rng.DateBetween(WindowStart, LastDay);
            previousAddress = AddressBook.InCity(_areas.PickOther(rng, household.Area), rng);
        }
        else if (household.Kind == HouseholdKind.Single && head.AgeAt(_options.AsOf) is >= 19 and <= 40 && rng.Chance(0.2))
        {
            split = rng.DateBetween(Max(WindowStart, head.BirthDate.AddYears(18)), LastDay);
        }

        // One notification (届出) covers the whole household's move.
        var notified = Notified(moveIn ?? moveWithin ?? LastDay, 0, 14, rng);
        foreach (var m in household.Members)
        {
            if (m.BirthDate >= WindowStart)
            {
                m.EnteredOn = m.BirthDate;
            }

            if (moveIn is { } inDay)
            {
                if (m.BirthDate >= inDay)
                {
                    Born(m, rng);
                }
                else
                {
                    Set(m, "転入", inDay, notified, previousAddress);
                    m.EnteredOn = inDay;
                }
            }
            else if (moveWithin is { } withinDay && m.BirthDate < withinDay)
            {
                Set(m, "転居", withinDay, notified, previousAddress);
            }
            else if (m.BirthDate >= WindowStart)
            {
                Born(m, rng);
            }
            else if (split is { } splitDay)
            {
                Set(m, "世帯分離", splitDay, splitDay, string.Empty);
            }
            else if (rng.Chance(0.002))
            {
                // 職権記載: recorded by the city on its own finding, without a notification.
                var day = rng.DateBetween(WindowStart, LastDay);
                Set(m, "職権記載", day, null, string.Empty);
                m.EnteredOn = day;
            }
        }

        AddRemovedMembers(household, composer, moveIn, rng);
        foreach (var m in household.Members)
        {
            Stamp(m, rng);
        }
    }

    public void ApplyRemoved(DemoHousehold household, DemoRandom rng)
    {
        var youngest = household.Members.Max(m => m.BirthDate);
        var day = rng.DateBetween(Max(WindowStart, youngest.AddDays(1)), LastDay);
        var head = household.Head;
        string reason;
        if (household.IsForeign)
        {
            reason = rng.Chance(0.6) ? "国外転出" : "転出";
        }
        else if (household.Kind == HouseholdKind.Single && head.AgeAt(day) >= 75 && rng.Chance(0.7))
        {
            reason = "死亡";
        }
        else if (household.Kind == HouseholdKind.Single && rng.Chance(0.04))
        {
            reason = "職権消除";
        }
        else
        {
            reason = rng.Chance(0.03) ? "国外転出" : "転出";
        }

        // One notification (届出) covers the household.
        var notified = NotifiedRemoval(reason, day, rng);
        foreach (var m in household.Members)
        {
            Remove(m, reason, day, rng, notified);
            Stamp(m, rng);
        }
    }

    private void AddRemovedMembers(DemoHousehold household, HouseholdComposer composer, DateOnly? moveIn, DemoRandom rng)
    {
        if (household.IsForeign)
        {
            return;
        }

        var head = household.Head;
        var headAge = head.AgeAt(_options.AsOf);
        var surname = new NamePair(head.Name.Split('　')[0], head.NameKana.Split('　')[0]);
        var from = Max(WindowStart, moveIn ?? WindowStart);
        switch (household.Kind)
        {
            case HouseholdKind.Single when headAge >= 65 && !head.IsForeign && rng.Chance(0.22):
            {
                // Widowhood: the spouse died in the window; a widow became head (世帯主変更).
                var deathDay = rng.DateBetween(from, LastDay);
                var deceasedSex = head.Sex == Sex.Female ? Sex.Male : Sex.Female;
                var gap = HouseholdDrafts.SpouseGap(rng);
                var deceasedAge = Math.Clamp(deceasedSex == Sex.Male ? headAge + gap : headAge - gap, 60, AgePyramid.MaxAge);
                var relationship = deceasedSex == Sex.Male ? "世帯主" : "妻";
                var deceased = composer.AddPerson(household, new Draft(relationship, deceasedAge, deceasedSex), surname, rng);
                if (relationship == "世帯主")
                {
                    deceased.HeadAtena = deceased.Atena;
                    if (head.ChangeDate is null || head.ChangeDate < deathDay)
                    {
                        Set(head, "世帯主変更", deathDay, Notified(deathDay, 0, 14, rng), string.Empty);
                    }
                }

                deceased.EnteredOn = moveIn;
                Remove(deceased, "死亡", deathDay, rng);
                break;
            }

            case HouseholdKind.Couple when headAge >= 66 && rng.Chance(0.06):
            {
                var deceasedAge = Math.Min(AgePyramid.MaxAge, headAge + rng.Between(22, 32));
                var mother = composer.AddPerson(household, new Draft("母", deceasedAge, Sex.Female), surname, rng);
                mother.EnteredOn = moveIn;
                Remove(mother, "死亡", rng.DateBetween(from, LastDay), rng);
                break;
            }

            case HouseholdKind.CoupleWithChildren when rng.Chance(0.10):
            {
                var mother = household.Members.First(m => m.Relationship is "妻" || (m.Relationship == "世帯主" && m.Sex == Sex.Female));
                var motherAge = mother.AgeAt(_options.AsOf);
                if (motherAge < 40)
                {
                    break;
                }

                var childAge = rng.Between(19, Math.Min(32, motherAge - 21));
                var child = composer.AddPerson(household, new Draft("子", childAge, rng.Chance(0.5) ? Sex.Male : Sex.Female), surname, rng);
                child.EnteredOn = moveIn;
                var day = rng.DateBetween(Max(from, child.BirthDate.AddYears(18)), LastDay);
                Remove(child, "転出", day, rng);
                break;
            }

            default:
                break;
        }
    }

    private void Born(DemoPerson m, DemoRandom rng)
    {
        Set(m, "出生", m.BirthDate, Notified(m.BirthDate, 0, 14, rng), string.Empty);
        m.EnteredOn = m.BirthDate;
    }

    private DateOnly? NotifiedRemoval(string reason, DateOnly day, DemoRandom rng) => reason switch
    {
        "死亡" => Notified(day, 0, 7, rng),
        "職権消除" => null,
        _ => Max(WindowStart, day.AddDays(-rng.Between(0, 14))), // 転出届 comes before the move
    };

    private void Remove(DemoPerson m, string reason, DateOnly day, DemoRandom rng, DateOnly? notified = null)
    {
        notified ??= NotifiedRemoval(reason, day, rng);
        Set(m, reason, day, notified, string.Empty);
        m.IsRemoved = true;
        m.RemovedOn = day;
        if (reason == "職権消除")
        {
            // Records removed by the city after an absence of many years: a few carry no 個人番号.
            m.MyNumber = rng.Chance(0.5) ? string.Empty : m.MyNumber;
        }
    }

    private static void Set(DemoPerson m, string reason, DateOnly day, DateOnly? notified, string previousAddress)
    {
        m.ChangeReason = reason;
        m.ChangeDate = day;
        m.NotifiedOn = notified;
        m.PreviousAddress = previousAddress;
    }

    private DateOnly Notified(DateOnly day, int minLag, int maxLag, DemoRandom rng) =>
        Min(LastDay, day.AddDays(rng.Between(minLag, maxLag)));

    /// <summary>updated_at: the day the last change was processed, in office hours, or an earlier routine update.</summary>
    private void Stamp(DemoPerson m, DemoRandom rng)
    {
        var day = m.ChangeDate is { } change
            ? Max(change, m.NotifiedOn ?? change)
            : rng.DateBetween(_options.AsOf.AddYears(-3), LastDay);
        m.UpdatedAt = ExportText.OfficeHours(Min(day, LastDay), rng);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
