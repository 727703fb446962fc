namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>
/// The resident has a record of <paramref name="Kind"/> (a kind declared as data) — valid on the reference date when
/// <paramref name="Active"/> (by the kind's dating; a 消除 ends it), any latest record otherwise — whose fields pass every test
/// of <paramref name="Where"/> (only the kind's <c>x-hub-indexed</c> fields). <paramref name="Paths"/> are the catalog paths it
/// reads: the subject and dating fields that choose the records, and the fields tested.
/// </summary>
/// <example><c>{"record": {"kind": "longTermCare", "active": true, "where": {"careLevel": {"in": ["要介護3", "要介護4", "要介護5"]}}}}</c></example>
public sealed record RecordCriterion(string Kind, bool Active, IReadOnlyList<RecordFieldTest> Where, IReadOnlyList<string> Paths) : TargetCriterion;
