using Hub.Api.GraphQL.Limits;
using Hub.Api.Tests.Hosting;

namespace Hub.Api.Tests.Http;

/// <summary>Section <c>Hub:GraphQL</c>: one message listing every problem; the host exits 2 with it.</summary>
public sealed class GraphQLSettingsTests
{
    [Fact]
    public void Validate_EverySettingWrong_ListsEveryProblem()
    {
        var options = new GraphQLLimitsOptions { MaxDepth = 0, MaxComplexity = -1, MaxPageSize = 0, ExecutionTimeout = TimeSpan.Zero };

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:GraphQL:MaxDepth ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:GraphQL:MaxComplexity ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:GraphQL:MaxPageSize ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Setting Hub:GraphQL:ExecutionTimeout ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryDocumentAndRequestLimitWrong_ListsEveryProblem()
    {
        var options = new GraphQLLimitsOptions
        {
            MaxAliases = -1,
            MaxDirectives = -1,
            MaxTokens = 0,
            MaxDocumentBytes = 0,
            MaxVariablesBytes = 1,
            MaxVariablesDepth = 1,
            MaxIntrospectionDepth = 0,
            MaxRequestBytes = -1,
        };

        var problems = options.Validate();

        Assert.Equal(8, problems.Count);
        foreach (var setting in new[] { "MaxAliases", "MaxDirectives", "MaxTokens", "MaxDocumentBytes", "MaxVariablesBytes", "MaxVariablesDepth", "MaxIntrospectionDepth", "MaxRequestBytes" })
        {
            Assert.Contains(problems, p => p.StartsWith($"Setting Hub:GraphQL:{setting} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_RequestSmallerThanDocumentAndVariables_Refused()
    {
        var options = new GraphQLLimitsOptions { MaxDocumentBytes = 100_000, MaxVariablesBytes = 100_000, MaxRequestBytes = 199_999 };

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith("Setting Hub:GraphQL:MaxRequestBytes must be at least MaxDocumentBytes + MaxVariablesBytes (200000)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.Empty(new GraphQLLimitsOptions().Validate());
    }

    [Fact]
    public async Task Startup_WrongLimits_ExitsTwoNamingEachSetting()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hub-limits-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        await using var hub = HubProcess.Start(dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false",
            "--Hub:GraphQL:MaxDepth=0", "--Hub:GraphQL:ExecutionTimeout=-00:00:01");

        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, code);
        Assert.StartsWith("hub: ", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Hub:GraphQL:MaxDepth", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Hub:GraphQL:ExecutionTimeout", hub.StandardError, StringComparison.Ordinal);
    }
}
