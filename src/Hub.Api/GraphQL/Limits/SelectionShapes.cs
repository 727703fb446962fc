using System.Runtime.CompilerServices;
using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// Measures selection sets of one document (<see cref="SelectionShape"/>) with fragments expanded. Each fragment is
/// measured once and its shape reused wherever it is spread, so a chain of fragments each spreading the next twice
/// (2³⁰ fields from a few hundred bytes) is measured in time linear in the document, not in what it expands to.
/// Needs no schema: introspection is recognised by the names <c>__schema</c> and <c>__type</c>, as graphql-js does.
/// </summary>
internal sealed class SelectionShapes
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<GraphQLFragmentDefinition, SelectionShape> _measured = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<GraphQLFragmentDefinition> _measuring = new(ReferenceEqualityComparer.Instance);

    public SelectionShapes(GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A second fragment of the same name is an error the spec's rules report; the first one is measured.
            _fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
    }

    /// <summary>True when the document nests too deeply for the measuring to go on (it is then refused as too deep).</summary>
    public bool TooDeepToMeasure { get; private set; }

    /// <summary>The shape of <paramref name="selections"/> (empty for none).</summary>
    public SelectionShape Of(GraphQLSelectionSet? selections)
    {
        if (selections is null)
        {
            return SelectionShape.Empty;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            TooDeepToMeasure = true;
            return SelectionShape.Empty;
        }

        var shape = SelectionShape.Empty;
        foreach (var selection in selections.Selections)
        {
            shape = shape.Beside(selection switch
            {
                GraphQLField field => OfField(field),
                GraphQLInlineFragment inline => Of(inline.SelectionSet),
                GraphQLFragmentSpread spread => OfSpread(spread),
                _ => SelectionShape.Empty,
            });
        }

        return shape;
    }

    private SelectionShape OfField(GraphQLField field)
    {
        var children = Of(field.SelectionSet);
        var name = field.Name.Value.Span;
        var introspection = name is "__schema" or "__type";
        var list = name is "fields" or "inputFields" or "interfaces" or "possibleTypes";
        return new SelectionShape(
            SelectionShape.Add(1, children.Fields),
            SelectionShape.Add(field.Alias is null ? 0 : 1, children.Aliases),
            children.Depth + 1,
            introspection ? children.Fields : children.IntrospectionFields,
            introspection ? 1 + children.IntrospectionLists : children.IntrospectionDepth,
            children.IntrospectionLists + (list ? 1 : 0));
    }

    private SelectionShape OfSpread(GraphQLFragmentSpread spread)
    {
        if (!_fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
        {
            return SelectionShape.Empty; // an unknown fragment: the spec's rules report it
        }

        if (_measured.TryGetValue(fragment, out var shape))
        {
            return shape;
        }

        if (!_measuring.Add(fragment))
        {
            return SelectionShape.Empty; // a cycle: the spec's rules report it
        }

        shape = Of(fragment.SelectionSet);
        _measuring.Remove(fragment);
        _measured[fragment] = shape;
        return shape;
    }
}
