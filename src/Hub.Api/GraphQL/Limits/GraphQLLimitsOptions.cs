namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// Configuration section <c>Hub:GraphQL</c>: the limits every GraphQL request is held to. A request over any of them
/// gets <c>LIMIT_EXCEEDED</c> and no data. Validated at startup with one message listing every problem.
/// </summary>
internal sealed class GraphQLLimitsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:GraphQL";

    /// <summary>
    /// The deepest selection allowed, counting the root field as 1. Default 10: a resident, its household, the members
    /// and their related records fit with room to spare.
    /// </summary>
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// The highest complexity allowed (GraphQL.NET's analyzer: 1 per field, list fields multiplied by their
    /// <c>first</c> argument or by 5). Default 1000.
    /// </summary>
    public int MaxComplexity { get; set; } = 1000;

    /// <summary>The largest page a list argument (<c>first</c>, <c>last</c>, <c>limit</c>) may ask for. Default 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>How long one request may execute before it is abandoned with <c>LIMIT_EXCEEDED</c>. Default 10 s.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxDepth < 1)
        {
            problems.Add($"Setting {SectionName}:MaxDepth must be at least 1; it is {MaxDepth}.");
        }

        if (MaxComplexity < 1)
        {
            problems.Add($"Setting {SectionName}:MaxComplexity must be at least 1; it is {MaxComplexity}.");
        }

        if (MaxPageSize < 1)
        {
            problems.Add($"Setting {SectionName}:MaxPageSize must be at least 1; it is {MaxPageSize}.");
        }

        if (ExecutionTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Setting {SectionName}:ExecutionTimeout must be above 00:00:00; it is {ExecutionTimeout:c}.");
        }

        return problems;
    }
}
