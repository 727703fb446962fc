using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Hub.Api.GraphQL.Errors;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// Every limit a request is held to, in the order they are checked, each refusal being <c>LIMIT_EXCEEDED</c> with no
/// data and nothing run:
/// <list type="number">
/// <item>while the request is read (<see cref="Http.GraphQLHttpRequestReader"/>): body size, JSON nesting;</item>
/// <item>on the document's text, before it is parsed (<see cref="CheckText"/>): bytes, tokens, aliases, directives;
/// and on the variables (<see cref="CheckVariables"/>): bytes;</item>
/// <item>on the parsed document, before it is validated (<see cref="CheckDocument"/>): depth, fields, aliases and
/// introspection depth with fragments expanded;</item>
/// <item>while it is validated (<see cref="Rules"/>): the spec's rules, complexity with the request's variables, page
/// sizes, and — outside Development — no introspection;</item>
/// <item>while it runs: the execution timeout (<see cref="ExecutionDeadline"/>).</item>
/// </list>
/// Introspection (Development only) is held to all of them, and to its own depth cap.
/// </summary>
internal sealed class GraphQLLimits
{
    private readonly IValidationRule[] _validatedRules;

    public GraphQLLimits(GraphQLLimitsOptions options, bool allowIntrospection)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        AllowIntrospection = allowIntrospection;
        var pageSize = new PageSizeValidationRule(options.MaxPageSize);
        var complexity = new ComplexityRule(options);
        Rules = allowIntrospection
            ? [.. DocumentValidator.CoreRules, complexity, pageSize]
            : [.. DocumentValidator.CoreRules, complexity, pageSize, NoIntrospectionValidationRule.Instance];

        // What depends on the request's variables: page sizes, and complexity (it counts list arguments' values and
        // leaves out what @skip/@include leave out).
        _validatedRules = [complexity, pageSize];
    }

    /// <summary>The configured limits.</summary>
    public GraphQLLimitsOptions Options { get; }

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be asked (Development only).</summary>
    public bool AllowIntrospection { get; }

    /// <summary>The validation rules of a document seen for the first time.</summary>
    public IReadOnlyList<IValidationRule> Rules { get; }

    /// <summary>Null when <paramref name="query"/>'s text is within the limits; otherwise why it is refused. Nothing is parsed.</summary>
    public string? CheckText(string query) => DocumentTextLimits.Check(query, Options);

    /// <summary>Null when the request's <c>variables</c> are within the limits; otherwise why they are refused.</summary>
    public string? CheckVariables(JsonElement? variables) =>
        variables is { } v && JsonMarshal.GetRawUtf8Value(v).Length > Options.MaxVariablesBytes
            ? $"The variables are over {Options.MaxVariablesBytes} bytes of JSON (setting {GraphQLLimitsOptions.SectionName}:MaxVariablesBytes)."
            : null;

    /// <summary>Every limit the parsed <paramref name="document"/> is over, before it is validated (empty when none).</summary>
    public IReadOnlyList<string> CheckDocument(GraphQLDocument document) => DocumentShapeLimits.Check(document, Options);

    /// <summary>
    /// The rules for a document that already passed <see cref="Rules"/> for the same operation in an earlier request
    /// (<see cref="Http.ValidatedDocumentCache"/>): none, unless its limits depend on the variables (a page-size argument
    /// or an <c>@skip</c>/<c>@include</c> condition takes one) — then complexity and page size run again for this
    /// request's values. The spec's rules, the introspection ban and the checks before validation look at the document
    /// alone, so their answer cannot have changed.
    /// </summary>
    public IEnumerable<IValidationRule> RulesForValidated(Http.ValidatedDocument validated)
    {
        ArgumentNullException.ThrowIfNull(validated);
        return validated.LimitsFromVariables ? _validatedRules : [];
    }

    /// <summary>The answer to a request refused before validation: no data, one <c>LIMIT_EXCEEDED</c> error per limit passed.</summary>
    public static ExecutionResult Refusal(IEnumerable<string> problems)
    {
        var errors = new ExecutionErrors();
        foreach (var problem in problems)
        {
            errors.Add(HubErrors.Create(HubErrorCodes.LimitExceeded, problem));
        }

        return new ExecutionResult { Executed = false, Errors = errors };
    }
}
