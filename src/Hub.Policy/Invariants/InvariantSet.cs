using Hub.Policy.Catalog;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Invariants;

/// <summary>
/// The city's invariants (不変条件の一覧), read from CSV with the header <c>id,subjects,tasks,fields,actions,statement</c>
/// (lists separated by <c>|</c>; <c>#</c> comments; Casbin quoting). Parsing checks every row against the catalog and
/// throws <see cref="PolicyFormatException"/> naming the line: an unknown action, a field pattern that matches no
/// catalog field (a typo would make the invariant vacuously true), a duplicate id.
/// </summary>
public sealed class InvariantSet
{
    private static readonly string[] KnownActions = ["read", "extract", "lookup"];

    private InvariantSet(IReadOnlyList<PolicyInvariant> invariants) => Invariants = invariants;

    /// <summary>No invariants.</summary>
    public static InvariantSet Empty { get; } = new([]);

    /// <summary>The invariants, in file order.</summary>
    public IReadOnlyList<PolicyInvariant> Invariants { get; }

    /// <summary>Parses and validates the CSV.</summary>
    public static InvariantSet Parse(string text, FieldCatalog catalog, string source = "invariants.csv")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var invariants = new List<PolicyInvariant>();
        foreach (var row in PolicyCsvReader.Parse(text, source))
        {
            var values = new[] { row.Type }.Concat(row.Values).Select(v => v.Trim()).ToArray();
            if (values[0] == "id")
            {
                continue; // header
            }

            if (values.Length != 6 || values.Any(v => v.Length == 0))
            {
                throw new PolicyFormatException(source, row.Line, 1, "expected id,subjects,tasks,fields,actions,statement, none empty");
            }

            static string[] List(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var actions = values[4] == "*" ? KnownActions : List(values[4]);
            if (actions.FirstOrDefault(a => !KnownActions.Contains(a)) is { } unknown)
            {
                throw new PolicyFormatException(source, row.Line, 1, $"invariant {values[0]}: unknown action '{unknown}' (read, extract, lookup or *)");
            }

            var fields = List(values[3]);
            if (fields.FirstOrDefault(f => !catalog.Paths.Any(p => Functions.BuiltInFunctions.KeyMatch(p, f))) is { } stray)
            {
                throw new PolicyFormatException(source, row.Line, 1, $"invariant {values[0]}: field pattern '{stray}' matches no catalog field");
            }

            if (invariants.Any(i => i.Id == values[0]))
            {
                throw new PolicyFormatException(source, row.Line, 1, $"invariant {values[0]} is defined twice");
            }

            invariants.Add(new PolicyInvariant(values[0], List(values[1]), List(values[2]), fields, actions, values[5], row.Line));
        }

        return new InvariantSet(invariants);
    }
}
