using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Sync.Writing;

/// <summary>
/// The resident registry's 宛名番号 → My Number, read once per run of a source whose records claim identities
/// (tax, NHI, child allowance) instead of one query per batch. Held as two sorted arrays of 64-bit numbers
/// (16 bytes a resident: 16 MB for a city of a million), searched by bisection; a stored number that does not
/// fit that form (never written by the hub's own adapters) is kept in a small dictionary beside them.
/// The check is against the registry as it stood when the run began.
/// </summary>
internal sealed class RegistryIdentities
{
    private const long NoMyNumber = -1;
    private readonly long[] _atena;
    private readonly long[] _myNumber;
    private readonly Dictionary<string, string?> _other;

    private RegistryIdentities(long[] atena, long[] myNumber, Dictionary<string, string?> other)
    {
        _atena = atena;
        _myNumber = myNumber;
        _other = other;
    }

    /// <summary>Residents known.</summary>
    public int Count => _atena.Length + _other.Count;

    /// <summary>Reads the latest version of every resident (removed ones included, as before: the registry knows them).</summary>
    public static async Task<RegistryIdentities> LoadAsync(HubDbContextFactory factory, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var atena = new List<long>();
        var myNumber = new List<long>();
        var other = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var r in db.Residents.AsNoTracking().Latest().Select(r => new { r.AtenaNumber, r.MyNumber }).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
        {
            if (TryEncode(r.AtenaNumber, out var a) && (r.MyNumber is null || (r.MyNumber.Length == 12 && TryDigits(r.MyNumber, out _))))
            {
                atena.Add(a);
                myNumber.Add(r.MyNumber is null ? NoMyNumber : Digits(r.MyNumber));
            }
            else
            {
                other[r.AtenaNumber] = r.MyNumber;
            }
        }

        var keys = atena.ToArray();
        var values = myNumber.ToArray();
        Array.Sort(keys, values);
        return new RegistryIdentities(keys, values, other);
    }

    /// <summary>True when the registry knows <paramref name="atenaNumber"/>; <paramref name="myNumber"/> is its registered My Number (null when none).</summary>
    public bool TryGet(string atenaNumber, out string? myNumber)
    {
        myNumber = null;
        if (TryEncode(atenaNumber, out var a))
        {
            var at = Array.BinarySearch(_atena, a);
            if (at >= 0)
            {
                myNumber = _myNumber[at] == NoMyNumber ? null : _myNumber[at].ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
                return true;
            }
        }

        return _other.TryGetValue(atenaNumber, out myNumber);
    }

    /// <summary>
    /// Up to 15 ASCII digits as one number that keeps leading zeros apart (<c>0123</c> ≠ <c>123</c>): the length
    /// times 10^15 plus the digits' value.
    /// </summary>
    internal static bool TryEncode(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 15 || !TryDigits(text, out var digits))
        {
            return false;
        }

        value = (text.Length * 1_000_000_000_000_000L) + digits;
        return true;
    }

    private static bool TryDigits(string text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static long Digits(string text)
    {
        TryDigits(text, out var v);
        return v;
    }
}
