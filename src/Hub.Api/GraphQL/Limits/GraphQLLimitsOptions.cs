namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// Configuration section <c>Hub:GraphQL</c>: the limits every GraphQL request is held to. A request over any of them
/// gets <c>LIMIT_EXCEEDED</c> and no data, before anything executes. Every selection counts: <c>__typename</c>,
/// <c>__schema</c>, <c>__type</c> and each place a fragment is spread. Validated at startup with one message listing
/// every problem.
/// </summary>
internal sealed class GraphQLLimitsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:GraphQL";

    /// <summary>
    /// The deepest selection allowed, counting the root field as 1 and every field beneath it (leaves, meta fields and
    /// introspection included; a fragment adds no level of its own). Default 15: GraphiQL's schema query (graphql-js'
    /// <c>getIntrospectionQuery</c>, 9 levels of <c>ofType</c>) is 15 deep; a counter's queries are 4 to 6.
    /// </summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The highest complexity allowed. A data field costs 1 and a list field multiplies what it selects by its
    /// <c>first</c>/<c>last</c> argument or by 20 (GraphQL.NET's analyzer and the fields' declared sizes); every field
    /// beneath <c>__schema</c>/<c>__type</c> costs 1. Before the weights, the document may not select more fields than
    /// this once its fragments are expanded. Default 1000.
    /// </summary>
    public int MaxComplexity { get; set; } = 1000;

    /// <summary>The largest page a list argument (<c>first</c>, <c>last</c>, <c>limit</c>) may ask for. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How long one request may execute before it is abandoned with <c>LIMIT_EXCEEDED</c>. Default 10 s.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most aliased fields a document may select, fragments expanded (counted on the text first, before it is
    /// parsed). Default 30.
    /// </summary>
    public int MaxAliases { get; set; } = 30;

    /// <summary>The most directives (<c>@…</c>) a document may carry, counted on its text before it is parsed. Default 50.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// The most lexical tokens a document may have (punctuators, names, numbers, strings; not comments), counted before
    /// it is parsed, stopping at the limit. Default 2,000 (GraphiQL's schema query has 163).
    /// </summary>
    public int MaxTokens { get; set; } = 2_000;

    /// <summary>The longest document allowed, in UTF-8 bytes, checked before it is read for tokens. Default 32,768.</summary>
    public int MaxDocumentBytes { get; set; } = 32_768;

    /// <summary>The largest <c>variables</c> object allowed, in UTF-8 bytes of its JSON. Default 65,536.</summary>
    public int MaxVariablesBytes { get; set; } = 65_536;

    /// <summary>
    /// How deep the request's JSON may nest below its top level: the <c>variables</c> object is level 1, a value in
    /// it that is an object or array is level 2, and so on (<c>extensions</c> likewise). Checked while the body is read,
    /// before it is parsed. Default 10; at least 2 (<c>extensions.hub</c> carries the request context).
    /// </summary>
    public int MaxVariablesDepth { get; set; } = 10;

    /// <summary>
    /// The largest POST body read, in bytes: a longer one is refused with 413 before its JSON is parsed. Default 262,144;
    /// at least <see cref="MaxDocumentBytes"/> + <see cref="MaxVariablesBytes"/>.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 262_144;

    /// <summary>
    /// Introspection's own depth cap (graphql-js' <c>MaxIntrospectionDepthRule</c>): <c>__schema</c>/<c>__type</c> is
    /// level 1 and each nested <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> or <c>possibleTypes</c> list adds
    /// one. Default 3, graphql-js' cap: a third nested list is refused. Introspection is answered in Development only.
    /// </summary>
    public int MaxIntrospectionDepth { get; set; } = 3;

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AtLeast(problems, nameof(MaxDepth), MaxDepth, 1);
        AtLeast(problems, nameof(MaxComplexity), MaxComplexity, 1);
        AtLeast(problems, nameof(MaxPageSize), MaxPageSize, 1);
        if (ExecutionTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Setting {SectionName}:ExecutionTimeout must be above 00:00:00; it is {ExecutionTimeout:c}.");
        }

        AtLeast(problems, nameof(MaxAliases), MaxAliases, 0);
        AtLeast(problems, nameof(MaxDirectives), MaxDirectives, 0);
        AtLeast(problems, nameof(MaxTokens), MaxTokens, 1);
        AtLeast(problems, nameof(MaxDocumentBytes), MaxDocumentBytes, 1);
        AtLeast(problems, nameof(MaxVariablesBytes), MaxVariablesBytes, 2);
        AtLeast(problems, nameof(MaxVariablesDepth), MaxVariablesDepth, 2);
        AtLeast(problems, nameof(MaxIntrospectionDepth), MaxIntrospectionDepth, 1);
        if ((long)MaxRequestBytes < (long)MaxDocumentBytes + MaxVariablesBytes)
        {
            problems.Add($"Setting {SectionName}:MaxRequestBytes must be at least MaxDocumentBytes + MaxVariablesBytes ({(long)MaxDocumentBytes + MaxVariablesBytes}); it is {MaxRequestBytes}.");
        }

        return problems;
    }

    private static void AtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add($"Setting {SectionName}:{name} must be at least {minimum}; it is {value}.");
        }
    }
}
