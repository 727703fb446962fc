namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// What a selection set asks for once its fragments are expanded: each field counted once per place it ends up, so a
/// fragment spread ten times counts ten times. Counts saturate instead of overflowing.
/// </summary>
/// <param name="Fields">Field selections, meta fields and introspection included.</param>
/// <param name="Aliases">Those of them with an alias.</param>
/// <param name="Depth">The deepest field, a field of this set being level 1.</param>
/// <param name="IntrospectionFields">Fields beneath a <c>__schema</c> or <c>__type</c> field of this set (not the field itself).</param>
/// <param name="IntrospectionDepth">
/// The deepest introspection in this set: <c>__schema</c>/<c>__type</c> is 1, and each nested <c>fields</c>,
/// <c>inputFields</c>, <c>interfaces</c> or <c>possibleTypes</c> beneath it adds 1 (graphql-js' MaxIntrospectionDepthRule). 0 without introspection.
/// </param>
/// <param name="IntrospectionLists">The most nested introspection list names on one path of this set, wherever they are (for its parents to use).</param>
internal readonly record struct SelectionShape(long Fields, long Aliases, int Depth, long IntrospectionFields, int IntrospectionDepth, int IntrospectionLists)
{
    /// <summary>An empty selection.</summary>
    public static readonly SelectionShape Empty = default;

    /// <summary>Two selections side by side in one set.</summary>
    public SelectionShape Beside(SelectionShape other) => new(
        Add(Fields, other.Fields),
        Add(Aliases, other.Aliases),
        Math.Max(Depth, other.Depth),
        Add(IntrospectionFields, other.IntrospectionFields),
        Math.Max(IntrospectionDepth, other.IntrospectionDepth),
        Math.Max(IntrospectionLists, other.IntrospectionLists));

    /// <summary>Adds without overflowing: past <see cref="long.MaxValue"/> is still over any limit.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
