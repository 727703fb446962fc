using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// The complexity of the operation a request runs, with its variables: over <see cref="GraphQLLimitsOptions.MaxComplexity"/>
/// is <c>LIMIT_EXCEEDED</c>, naming the setting. Data fields are weighed by GraphQL.NET's analyzer (1 per field, a list
/// multiplying what it selects by its <c>first</c>/<c>last</c> argument, a declared size or 20; <c>__typename</c> 1).
/// Introspection is weighed by the hub instead: <c>__schema</c>/<c>__type</c> and every field beneath them cost 1. Its
/// lists are not multiplied (their length is the schema's, not the data's, and
/// <see cref="GraphQLLimitsOptions.MaxIntrospectionDepth"/> bounds their nesting), where GraphQL.NET multiplies
/// <c>types</c> by the number of types in the schema and nested lists by 20 again — GraphiQL's own schema query would
/// cost some hundred thousand. Depth is checked before validation (<see cref="DocumentShapeLimits"/>).
/// </summary>
internal sealed class ComplexityRule(GraphQLLimitsOptions limits) : ComplexityValidationRule(CreateOptions(limits))
{
    protected override async ValueTask<(double TotalComplexity, int MaximumDepth)> CalculateComplexityAsync(ValidationContext context)
    {
        var (data, depth) = await base.CalculateComplexityAsync(context).ConfigureAwait(false);
        var introspection = new SelectionShapes(context.Document).Of(context.Operation.SelectionSet).IntrospectionFields;
        return (data + introspection, depth);
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (totalComplexity > limits.MaxComplexity)
        {
            context.ReportError(new LimitExceededError(
                $"The query's complexity is {totalComplexity:0}; at most {limits.MaxComplexity} (setting {GraphQLLimitsOptions.SectionName}:MaxComplexity). Ask for fewer fields or smaller pages."));
        }

        return default;
    }

    private static ComplexityOptions CreateOptions(GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var standard = new ComplexityOptions().DefaultComplexityImpactDelegate;
        return new ComplexityOptions
        {
            MaxComplexity = limits.MaxComplexity,
            // __schema and __type cost 1 and zero their subtree for GraphQL.NET; CalculateComplexityAsync adds it back at 1 a field.
            DefaultComplexityImpactDelegate = field =>
                ReferenceEquals(field.FieldDefinition, field.ValidationContext.Schema.SchemaMetaFieldType)
                || ReferenceEquals(field.FieldDefinition, field.ValidationContext.Schema.TypeMetaFieldType)
                    ? new FieldComplexityResult(field.Configuration.DefaultObjectImpact, 0)
                    : standard(field),
        };
    }
}
