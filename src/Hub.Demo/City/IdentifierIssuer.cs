using System.Globalization;
using Hub.Adapters.Domain.Identifiers;

namespace Hub.Demo.City;

/// <summary>
/// Issues the city's numbers in order: 宛名番号 and 世帯番号 as serials with their check digit,
/// 住民票コード and 個人番号 as a seeded bijection of the person's ordinal, so they look random, never
/// repeat and need no memory of what was issued.
/// </summary>
internal sealed class IdentifierIssuer
{
    private const long AtenaBase = 100_000_000;
    private const long HouseholdBase = 300_000_000;
    private const ulong JuminhyoSpace = 10_000_000_000UL;
    private const ulong MyNumberSpace = 100_000_000_000UL;

    private readonly ulong _juminhyoA;
    private readonly ulong _juminhyoB;
    private readonly ulong _myNumberA;
    private readonly ulong _myNumberB;
    private long _persons;
    private long _households;
    private long _nhiHouseholds;
    private long _entitlements;

    public IdentifierIssuer(int seed)
    {
        var x = (ulong)seed ^ 0x1D_E7_1F_1E_55UL;
        _juminhyoA = Coprime10(DemoRandom.Mix(ref x) % JuminhyoSpace);
        _juminhyoB = DemoRandom.Mix(ref x) % JuminhyoSpace;
        _myNumberA = Coprime10(DemoRandom.Mix(ref x) % MyNumberSpace);
        _myNumberB = DemoRandom.Mix(ref x) % MyNumberSpace;
    }

    public long PersonsIssued => _persons;

    /// <summary>The next person's ordinal and 宛名番号.</summary>
    public (long Ordinal, string Atena) NextPerson()
    {
        var ordinal = ++_persons;
        return (ordinal, AtenaNumber.FromSerial(AtenaBase + ordinal, 9).Value);
    }

    public (long Ordinal, string Number) NextHousehold()
    {
        var ordinal = ++_households;
        return (ordinal, HouseholdNumber.FromSerial(HouseholdBase + ordinal, 9).Value);
    }

    /// <summary>国保 被保険者番号 of the next insured household: 7 digits.</summary>
    public string NextNhiHousehold() => (++_nhiHouseholds).ToString("D7", CultureInfo.InvariantCulture);

    public string NextEntitlementId() => "CA" + (++_entitlements).ToString("D8", CultureInfo.InvariantCulture);

    public string JuminhyoCodeFor(long ordinal)
    {
        var body = (ulong)((((UInt128)_juminhyoA * (ulong)ordinal) + _juminhyoB) % JuminhyoSpace);
        return JuminhyoCode.FromBody(body.ToString("D10", CultureInfo.InvariantCulture)).Value;
    }

    public string MyNumberFor(long ordinal)
    {
        var body = (ulong)((((UInt128)_myNumberA * (ulong)ordinal) + _myNumberB) % MyNumberSpace);
        return Hub.Adapters.Domain.Identifiers.MyNumber.FromBody(body.ToString("D11", CultureInfo.InvariantCulture)).Digits;
    }

    // a·i + b is a bijection modulo 10^k when a shares no factor with 10.
    private static ulong Coprime10(ulong a)
    {
        a |= 1;
        return a % 5 == 0 ? a + 2 : a;
    }
}
