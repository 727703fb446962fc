using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Compatibility;

/// <summary>
/// Every decision Casbin's own Go test suite asserts on its example models and policies
/// (<c>../shared/casbin-examples/expectations.json</c>) must come out the same here.
/// </summary>
public sealed class CasbinExampleCorpusTests
{
    private const string Absent = "(casbin-examples folder absent)";

    public static TheoryData<string> Tests()
    {
        var folder = RepositoryPaths.CasbinExamples;
        return folder is null ? new TheoryData<string>(Absent) : new TheoryData<string>(CasbinExpectation.Load(folder).Select(e => e.Test));
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Enforce_GoSuiteExpectation_SameDecisions(string test)
    {
        var folder = RepositoryPaths.CasbinExamples;
        if (folder is null || test == Absent)
        {
            Assert.Skip("../shared/casbin-examples (or HUB_CASBIN_EXAMPLES) is not present; the Go-suite expectations were not checked.");
        }

        var expectation = CasbinExpectation.Load(folder).Single(e => e.Test == test);
        var enforcer = new Enforcer(
            PolicyModel.Load(Path.Combine(folder, expectation.Model)),
            PolicyCsvReader.Load(Path.Combine(folder, expectation.Policy)),
            expectation.CreateOptions());

        var failures = expectation.Cases
            .Where(c => enforcer.Enforce(c.Request) != c.Expected)
            .Select(c => $"[{string.Join(", ", c.Request.Select(v => v?.ToString()))}] expected {c.Expected}")
            .ToList();
        Assert.True(failures.Count == 0, $"{test}: {failures.Count} of {expectation.Cases.Count} differ:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Load_EveryExampleModelAndPolicy_Parses()
    {
        var folder = RepositoryPaths.CasbinExamples ?? Skip();
        var problems = new List<string>();
        foreach (var model in Directory.GetFiles(folder, "*.conf"))
        {
            try
            {
                var parsed = PolicyModel.Load(model);
                Assert.NotEmpty(parsed.Matchers);
            }
            catch (PolicyFormatException ex)
            {
                problems.Add(ex.Message);
            }
        }

        foreach (var policy in Directory.GetFiles(folder, "*.csv"))
        {
            try
            {
                Assert.NotEmpty(PolicyCsvReader.Load(policy));
            }
            catch (PolicyFormatException ex)
            {
                problems.Add(ex.Message);
            }
        }

        Assert.Empty(problems);
    }

    private static string Skip()
    {
        Assert.Skip("../shared/casbin-examples is not present; the example corpus was not loaded.");
        return string.Empty;
    }
}
