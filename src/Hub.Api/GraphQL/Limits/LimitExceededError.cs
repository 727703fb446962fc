using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Hub.Api.GraphQL.Errors;

namespace Hub.Api.GraphQL.Limits;

/// <summary>A document over one of the <see cref="GraphQLLimitsOptions"/>: a validation error with code <c>LIMIT_EXCEEDED</c>.</summary>
internal sealed class LimitExceededError : ValidationError
{
    public LimitExceededError(string message)
        : base(message)
    {
        Code = HubErrorCodes.LimitExceeded;
    }

    public LimitExceededError(ROM source, ASTNode node, string message)
        : base(source, "5.x (hub limit)", message, node)
    {
        Code = HubErrorCodes.LimitExceeded;
    }
}
