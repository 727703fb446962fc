using Hub.Adapters.Catalog;
using Hub.Capabilities.Prefill;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Api.Tests.Prefill;

/// <summary>
/// Forms and policy agree: under the default policy, the clerks of each form's own task (its <c>role:*-clerk</c> g lines)
/// may read every path the form's pre-fill reads, so no item of a form is WITHHELD on its own task. The check is shown to
/// fail: removing any one clerk grant a form relies on makes it name that form and path.
/// </summary>
public sealed class FormTaskPolicyTests
{
    private static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();
    private static readonly string PolicyDirectory = SchemaDirectory.Find("policy");
    private static readonly PolicyModel Model = PolicyModel.Load(Path.Combine(PolicyDirectory, "model.conf"));
    private static readonly IReadOnlyList<PolicyRule> DefaultRules = PolicyCsvReader.Load(Path.Combine(PolicyDirectory, "policy.csv"));
    private static readonly FormCatalog Forms = FormDefinitionReader.Load(SchemaDirectory.Find("forms"), Catalog, PolicyTasks.Of(DefaultRules));

    public static TheoryData<string> FormIds => [.. Forms.Forms.Select(f => f.Id)];

    [Theory]
    [MemberData(nameof(FormIds))]
    public void DefaultPolicy_FormsOwnTaskClerk_WithholdsNoPathTheFormReads(string formId)
    {
        var form = Forms.Find(formId)!;

        var problems = Problems(form, DefaultRules);

        Assert.NotEmpty(Clerks(DefaultRules, form.Task));
        Assert.True(problems.Count == 0, $"{formId} (task {form.Task}): " + string.Join("; ", problems));
    }

    [Fact]
    public void DefaultPolicy_EachClerkGrantAFormReliesOnRemoved_TheCheckNamesTheFormAndPath()
    {
        var relied = 0;
        foreach (var rule in DefaultRules.Where(r => r.Type == "p" && r.Values[0].EndsWith("-clerk", StringComparison.Ordinal) && r.Values[3] == "read" && r.Values[4] == "allow"))
        {
            // A path another allow line of the same role and task covers too (resident.myNumber beside resident.*) does not rely on this one.
            bool Redundant(string path) => DefaultRules.Any(r => !ReferenceEquals(r, rule) && r.Type == "p" && r.Values[0] == rule.Values[0] && r.Values[1] == rule.Values[1]
                && r.Values[3] == "read" && r.Values[4] == "allow" && Covers(r.Values[2], path));
            var needing = Forms.Forms.Where(f => f.Task == rule.Values[1] && FormTaskCheck.NeededPaths(f, Catalog).Any(p => Covers(rule.Values[2], p) && !Redundant(p))).ToList();
            if (needing.Count == 0)
            {
                continue;
            }

            relied++;
            var mutated = DefaultRules.Where(r => !ReferenceEquals(r, rule)).ToList();
            Assert.True(needing.Any(f => Problems(f, mutated).Count > 0), $"removing '{rule}' (line {rule.Line}) went unnoticed");
        }

        // The forms rely on dozens of grants; a check that tried none would prove nothing.
        Assert.True(relied >= 30, $"only {relied} grants tried");
    }

    [Fact]
    public void Check_NurseryIncomeLevyGrantRemoved_NamesThePathForTheNurseryForm()
    {
        var mutated = DefaultRules.Where(r => !(r.Type == "p" && r.Values[1] == "nursery" && r.Values[2] == "tax.incomeLevy")).ToList();

        var problems = Problems(Forms.Find("nursery-admission")!, mutated);

        Assert.Equal(["demo-nursery-clerk: tax.incomeLevy"], problems);
    }

    private static List<string> Problems(FormDefinition form, IReadOnlyList<PolicyRule> rules)
    {
        var masks = new FieldMaskCache(Catalog.Fields.Select(f => f.Path));
        masks.Publish("test", new Enforcer(Model, rules));
        return [.. Clerks(rules, form.Task).SelectMany(user => FormTaskCheck.Withheld(form, Catalog, p => masks.Get(user, form.Task).Allows(p)).Select(p => $"{user}: {p}"))];
    }

    // The demo users holding a clerk role in the task (not planners or trainees).
    private static List<string> Clerks(IEnumerable<PolicyRule> rules, string task) =>
        [.. rules.Where(r => r.Type == "g" && r.Values.Count > 2 && r.Values[2] == task && r.Values[1].EndsWith("-clerk", StringComparison.Ordinal) && !r.Values[0].Contains("trainee", StringComparison.Ordinal))
            .Select(r => r.Values[0]).Distinct(StringComparer.Ordinal)];

    private static bool Covers(string pattern, string path) =>
        pattern.EndsWith(".*", StringComparison.Ordinal) ? path.StartsWith(pattern[..^1], StringComparison.Ordinal) : pattern == path;
}
