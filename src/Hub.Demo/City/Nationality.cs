namespace Hub.Demo.City;

/// <summary>
/// A nationality of foreign residents with its share among them (in-country statistics of
/// 在留外国人, rounded), how its names are written, and the names themselves.
/// </summary>
internal sealed record Nationality(
    string Name,
    double Share,
    bool KanjiNames,
    double AliasRate,
    NamePair[] Surnames,
    NamePair[] MaleGiven,
    NamePair[] FemaleGiven,
    string AbroadAddress);
