using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// What demo city to generate. The same options always give byte-identical files.
/// </summary>
public sealed record DemoCityOptions
{
    /// <summary>The largest city the generator accepts.</summary>
    public const int MaxResidents = 10_000_000;

    /// <summary>Number of current residents (status 1 住民) at <see cref="AsOf"/>. Removed residents (消除) come on top. Default 10,000.</summary>
    public int Residents { get; init; } = 10_000;

    /// <summary>Seed of the generator: same seed, same city. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The day the exports are taken; every event and timestamp is before it. Default 2026-04-01.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 4, 1);

    /// <summary>The city's name in addresses. Default みなと市 (fictional).</summary>
    public string CityName { get; init; } = "みなと市";

    /// <summary>全国地方公共団体コード (6 digits incl. check digit). Default 999999, which no real city has.</summary>
    public string LocalGovernmentCode { get; init; } = "999999";

    /// <summary>The prefecture in addresses. Default 神奈川県.</summary>
    public string PrefectureName { get; init; } = "神奈川県";

    /// <summary>
    /// Malformed rows appended to the resident registry export (wrong column count, bad check digit,
    /// unparseable date, in turn), for tests of quarantine. Default 0: a clean export.
    /// </summary>
    public int MalformedRows { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> with one message listing every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Residents is < 1 or > MaxResidents)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Residents must be between 1 and {MaxResidents:N0} (was {Residents})."));
        }

        if (AsOf.Year is < 2000 or > 2100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"AsOf must be between 2000 and 2100 (was {AsOf:yyyy-MM-dd})."));
        }

        if (string.IsNullOrWhiteSpace(CityName))
        {
            problems.Add("CityName must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(PrefectureName))
        {
            problems.Add("PrefectureName must not be empty.");
        }

        if (LocalGovernmentCode is null || LocalGovernmentCode.Length != 6 || !LocalGovernmentCode.All(char.IsAsciiDigit))
        {
            problems.Add($"LocalGovernmentCode must be 6 ASCII digits (was '{LocalGovernmentCode}').");
        }

        if (MalformedRows is < 0 or > 1_000_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MalformedRows must be between 0 and 1,000,000 (was {MalformedRows})."));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid demo city options: " + string.Join(" ", problems));
        }
    }
}
