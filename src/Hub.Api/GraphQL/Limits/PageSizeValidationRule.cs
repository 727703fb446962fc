using GraphQL.Validation;
using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// Refuses a page-size argument (<c>first</c>, <c>last</c>, <c>limit</c>) above <see cref="GraphQLLimitsOptions.MaxPageSize"/>,
/// whether written as a literal or passed in a variable: it runs after arguments are parsed.
/// </summary>
internal sealed class PageSizeValidationRule(int maxPageSize) : ValidationRuleBase
{
    /// <summary>The argument names that ask for a page of a list.</summary>
    public static readonly IReadOnlyList<string> ArgumentNames = ["first", "last", "limit"];

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
        new(context.ArgumentValues is null ? null : new MatchingNodeVisitor<GraphQLField>((field, ctx) => Check(field, ctx)));

    private void Check(GraphQLField field, ValidationContext context)
    {
        if (context.ArgumentValues is null || !context.ArgumentValues.TryGetValue(field, out var arguments))
        {
            return;
        }

        foreach (var name in ArgumentNames)
        {
            if (arguments.TryGetValue(name, out var argument) && argument.Value is int size && size > maxPageSize)
            {
                context.ReportError(new LimitExceededError(
                    context.Document.Source,
                    field,
                    $"'{field.Name.StringValue}' asks for {size} items ({name}); at most {maxPageSize} per page (setting {GraphQLLimitsOptions.SectionName}:MaxPageSize)."));
            }
        }
    }
}
