namespace Hub.Demo.City;

/// <summary>
/// Draws a household's composition: who lives together, with which 続柄 and ages. Ages of the anchor
/// person come from <see cref="AgePyramid"/>; the others follow from plausible gaps (spouses a few
/// years apart, a 子 20–42 years younger than the mother, a 孫 younger still, 父/母 older).
/// </summary>
internal static class HouseholdDrafts
{
    private static readonly double[] JapaneseKinds = [0.38, 0.21, 0.24, 0.09, 0.06, 0.02];
    private static readonly double[] ForeignKinds = [0.55, 0.15, 0.22, 0.08, 0.0, 0.0];

    public static HouseholdKind PickKind(DemoRandom rng, bool foreign) =>
        (HouseholdKind)rng.PickWeighted(foreign ? ForeignKinds : JapaneseKinds);

    public static List<Draft> Compose(HouseholdKind kind, bool foreign, DemoRandom rng)
    {
        var drafts = new List<Draft>(6);
        switch (kind)
        {
            case HouseholdKind.Single:
                Single(drafts, foreign, rng);
                break;
            case HouseholdKind.Couple:
                Couple(drafts, foreign, rng);
                break;
            case HouseholdKind.CoupleWithChildren:
                Family(drafts, foreign, rng);
                break;
            case HouseholdKind.SingleParent:
                SingleParent(drafts, foreign, rng);
                break;
            case HouseholdKind.ThreeGenerations:
                ThreeGenerations(drafts, rng);
                break;
            default:
                Other(drafts, rng);
                break;
        }

        return drafts;
    }

    private static void Single(List<Draft> drafts, bool foreign, DemoRandom rng)
    {
        int age;
        if (foreign)
        {
            age = rng.Chance(0.8) ? AgePyramid.Sample(rng, 19, 39) : AgePyramid.Sample(rng, 40, 75);
        }
        else
        {
            age = rng.PickWeighted([0.33, 0.23, 0.44]) switch
            {
                0 => AgePyramid.Sample(rng, 19, 39),
                1 => AgePyramid.Sample(rng, 40, 64),
                _ => AgePyramid.Sample(rng, 65, AgePyramid.MaxAge),
            };
        }

        var female = age >= 65 ? rng.Chance(0.65) : rng.Chance(0.42);
        drafts.Add(new Draft("世帯主", age, female ? Sex.Female : Sex.Male));
    }

    private static void Couple(List<Draft> drafts, bool foreign, DemoRandom rng)
    {
        var husband = foreign
            ? AgePyramid.Sample(rng, 24, 55)
            : rng.PickWeighted([0.18, 0.16, 0.66]) switch
            {
                0 => AgePyramid.Sample(rng, 24, 45),
                1 => AgePyramid.Sample(rng, 46, 64),
                _ => AgePyramid.Sample(rng, 65, 98),
            };
        AddCouple(drafts, husband, Math.Max(18, husband - SpouseGap(rng)), rng);
    }

    /// <summary>Husband and wife; the husband is the head nine times in ten, else the wife (and he is 夫).</summary>
    private static void AddCouple(List<Draft> drafts, int husband, int wife, DemoRandom rng)
    {
        if (rng.Chance(0.9))
        {
            drafts.Add(new Draft("世帯主", husband, Sex.Male));
            drafts.Add(new Draft("妻", wife, Sex.Female));
        }
        else
        {
            drafts.Add(new Draft("世帯主", wife, Sex.Female));
            drafts.Add(new Draft("夫", husband, Sex.Male));
        }
    }

    private static void CoupleWithChildren(List<Draft> drafts, int mother, DemoRandom rng)
    {
        var father = Math.Max(mother, mother + SpouseGap(rng));
        AddCouple(drafts, father, mother, rng);
    }

    /// <summary>
    /// Children from the youngest up (1–5 years apart); returns the mother's age, 22–34 years older than
    /// the eldest. The youngest child's age drives the family, so the city gets its share of young children.
    /// </summary>
    private static (int Mother, List<Draft> Children) Children(string relationship, int youngest, int count, DemoRandom rng)
    {
        var children = new List<Draft>(count);
        var age = youngest;
        for (var i = 0; i < count; i++)
        {
            children.Add(new Draft(relationship, age, rng.Chance(0.512) ? Sex.Male : Sex.Female));
            age += rng.Between(1, 5);
        }

        var mother = children[^1].Age + rng.Between(22, 34);
        children.Reverse();
        return (Math.Min(mother, youngest + 45), children);
    }

    private static int YoungestChild(DemoRandom rng, double minorShare) =>
        rng.Chance(minorShare) ? AgePyramid.Sample(rng, 0, 17) : AgePyramid.Sample(rng, 18, 34);

    private static int ChildCount(DemoRandom rng) => rng.PickWeighted([0.40, 0.45, 0.13, 0.02]) + 1;

    private static void Family(List<Draft> drafts, bool foreign, DemoRandom rng)
    {
        if (foreign || rng.Chance(0.55))
        {
            // Young families: the youngest child's age drives the parents'.
            var (mother, children) = Children("子", AgePyramid.Sample(rng, 0, 17), ChildCount(rng), rng);
            CoupleWithChildren(drafts, mother, rng);
            drafts.AddRange(children);
            return;
        }

        // Older parents (the second baby-boom generation) with teenage or adult children.
        var older = AgePyramid.Sample(rng, 44, 64);
        var youngest = Math.Max(0, older - rng.Between(26, 40));
        var (_, grown) = Children("子", youngest, ChildCount(rng), rng);
        CoupleWithChildren(drafts, older, rng);
        drafts.AddRange(grown.Where(c => older - c.Age >= 20));
        if (drafts.Count == 2)
        {
            drafts.Add(new Draft("子", youngest, rng.Chance(0.512) ? Sex.Male : Sex.Female));
        }
    }

    /// <summary>Grandchildren of a married child: returns the younger parent's age.</summary>
    private static (int Parent, List<Draft> Children) Grandchildren(DemoRandom rng) =>
        Children("孫", AgePyramid.Sample(rng, 0, 20), rng.Between(1, 3), rng);

    private static void SingleParent(List<Draft> drafts, bool foreign, DemoRandom rng)
    {
        var female = rng.Chance(0.85);
        if (!foreign && rng.Chance(0.45))
        {
            // An elderly parent with an unmarried adult child (親と未婚の子).
            var old = AgePyramid.Sample(rng, 62, 95);
            drafts.Add(new Draft("世帯主", old, female ? Sex.Female : Sex.Male));
            drafts.Add(new Draft("子", old - rng.Between(24, 38), rng.Chance(0.55) ? Sex.Male : Sex.Female));
            return;
        }

        var (mother, children) = Children("子", YoungestChild(rng, 0.8), rng.PickWeighted([0.55, 0.37, 0.08]) + 1, rng);
        drafts.Add(new Draft("世帯主", female ? mother : mother + SpouseGap(rng), female ? Sex.Female : Sex.Male));
        drafts.AddRange(children);
    }

    private static void ThreeGenerations(List<Draft> drafts, DemoRandom rng)
    {
        if (rng.Chance(0.5))
        {
            // Head in mid-life with spouse and children, and a parent or two of the head or of the wife.
            var (mother, children) = Children("子", YoungestChild(rng, 0.8), ChildCount(rng), rng);
            CoupleWithChildren(drafts, mother, rng);
            drafts.AddRange(children);
            var wifeSide = drafts[0].Sex == Sex.Male && rng.Chance(0.15);
            var headAge = drafts[0].Age;
            var anchor = wifeSide ? mother : headAge;
            var grandmother = Math.Min(AgePyramid.MaxAge, anchor + rng.Between(24, 36));
            var family = wifeSide ? 1 : 0;
            drafts.Add(new Draft(wifeSide ? "妻の母" : "母", grandmother, Sex.Female, family));
            if (rng.Chance(0.35) && grandmother + 3 <= 98)
            {
                drafts.Add(new Draft(wifeSide ? "妻の父" : "父", grandmother + rng.Between(0, 6), Sex.Male, family));
            }

            return;
        }

        // Elderly head with spouse, a married child (son and 子の妻, or daughter and 子の夫) and grandchildren.
        var (youngMother, grandchildren) = Grandchildren(rng);
        var husband = youngMother + Math.Max(0, SpouseGap(rng));
        var sonLine = rng.Chance(0.8);
        var childAge = sonLine ? husband : youngMother;
        var wife = Math.Min(AgePyramid.MaxAge - 2, childAge + rng.Between(22, 36));
        drafts.Add(new Draft("世帯主", Math.Min(AgePyramid.MaxAge, wife + Math.Max(0, SpouseGap(rng))), Sex.Male));
        if (rng.Chance(0.75))
        {
            drafts.Add(new Draft("妻", wife, Sex.Female));
        }

        if (sonLine)
        {
            drafts.Add(new Draft("子", husband, Sex.Male));
            drafts.Add(new Draft("子の妻", youngMother, Sex.Female, 0));
            drafts.AddRange(grandchildren);
        }
        else
        {
            // The daughter, her husband and the grandchildren carry his family name.
            drafts.Add(new Draft("子", youngMother, Sex.Female, 1));
            drafts.Add(new Draft("子の夫", husband, Sex.Male, 1));
            drafts.AddRange(grandchildren.Select(g => g with { Family = 1 }));
        }
    }

    private static void Other(List<Draft> drafts, DemoRandom rng)
    {
        switch (rng.PickWeighted([0.5, 0.3, 0.2]))
        {
            case 0:
                var head = AgePyramid.Sample(rng, 45, 88);
                var headSex = rng.Chance(0.5) ? Sex.Male : Sex.Female;
                drafts.Add(new Draft("世帯主", head, headSex));
                var sibling = Math.Clamp(head + (rng.Chance(0.5) ? 1 : -1) * rng.Between(1, 8), 40, 98);
                var siblingSex = rng.Chance(0.5) ? Sex.Male : Sex.Female;
                var older = sibling > head;
                var relationship = (older, siblingSex) switch
                {
                    (true, Sex.Male) => "兄",
                    (true, _) => "姉",
                    (false, Sex.Male) => "弟",
                    _ => "妹",
                };
                drafts.Add(new Draft(relationship, sibling == head ? head - 1 : sibling, siblingSex));
                break;
            case 1:
                drafts.Add(new Draft("世帯主", AgePyramid.Sample(rng, 20, 40), rng.Chance(0.5) ? Sex.Male : Sex.Female));
                drafts.Add(new Draft("同居人", AgePyramid.Sample(rng, 20, 40), rng.Chance(0.5) ? Sex.Male : Sex.Female, 2));
                break;
            default:
                var husband = AgePyramid.Sample(rng, 45, 66);
                AddCouple(drafts, husband, Math.Max(30, husband - SpouseGap(rng)), rng);
                drafts.Add(new Draft("母", Math.Min(AgePyramid.MaxAge, husband + rng.Between(22, 36)), Sex.Female));
                break;
        }
    }

    /// <summary>Husband's age minus wife's: mostly 0–4, sometimes negative, rarely ten or more.</summary>
    public static int SpouseGap(DemoRandom rng) => rng.PickWeighted([0.08, 0.55, 0.27, 0.10]) switch
    {
        0 => -rng.Between(1, 4),
        1 => rng.Between(0, 3),
        2 => rng.Between(4, 7),
        _ => rng.Between(8, 14),
    };
}
