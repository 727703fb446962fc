namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>
/// A test of one field of a generic record: equals <paramref name="Is"/>, is one of <paramref name="In"/>, lies within
/// [<paramref name="Min"/>, <paramref name="Max"/>] (integers and dates). Values are in the field's CLR type (string, long,
/// bool, DateOnly); an empty field passes no test.
/// </summary>
/// <param name="Field">The field's name.</param>
/// <param name="Type">Its catalog type: string, integer, boolean or date.</param>
/// <param name="Is">The value it must equal, or null.</param>
/// <param name="In">The values it must be one of, or null.</param>
/// <param name="Min">Its least allowed value, or null.</param>
/// <param name="Max">Its greatest allowed value, or null.</param>
public sealed record RecordFieldTest(string Field, string Type, object? Is, IReadOnlyList<object>? In, object? Min, object? Max);
