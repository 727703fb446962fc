namespace Hub.Demo.City;

/// <summary>
/// A household member before numbers and names: 続柄, age at the as-of date, sex and which family name
/// they carry (0 the household's, 1 an in-law family's, 2 unrelated, 3 a foreign spouse).
/// </summary>
internal readonly record struct Draft(string Relationship, int Age, Sex Sex, int Family = 0);
