namespace Hub.Policy.Ordinances;

/// <summary>
/// One row of the city's table of tasks allowed to use specific personal information (特定個人情報): the task, the
/// information (a catalog field path or keyMatch pattern), the actions and the legal basis (番号法 第9条 別表, or the
/// article of the city's ordinance 条例).
/// </summary>
public sealed record OrdinanceEntry(string Task, string Field, IReadOnlyList<string> Actions, string LegalBasis, int Line);
