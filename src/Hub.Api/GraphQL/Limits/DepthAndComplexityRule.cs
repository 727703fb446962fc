using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's complexity analyzer with the hub's limits and messages: over <see cref="GraphQLLimitsOptions.MaxDepth"/>
/// or <see cref="GraphQLLimitsOptions.MaxComplexity"/> is <c>LIMIT_EXCEEDED</c>, naming the setting.
/// </summary>
internal sealed class DepthAndComplexityRule(GraphQLLimitsOptions limits)
    : ComplexityValidationRule(new ComplexityOptions { MaxDepth = limits.MaxDepth, MaxComplexity = limits.MaxComplexity })
{
    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (maxDepth > limits.MaxDepth)
        {
            context.ReportError(new LimitExceededError(
                $"The query is {maxDepth} levels deep; at most {limits.MaxDepth} (setting {GraphQLLimitsOptions.SectionName}:MaxDepth)."));
        }

        if (totalComplexity > limits.MaxComplexity)
        {
            context.ReportError(new LimitExceededError(
                $"The query's complexity is {totalComplexity:0}; at most {limits.MaxComplexity} (setting {GraphQLLimitsOptions.SectionName}:MaxComplexity). Ask for fewer fields or smaller pages."));
        }

        return default;
    }
}
