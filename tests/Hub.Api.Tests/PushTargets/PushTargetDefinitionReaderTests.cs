using Hub.Adapters.Catalog;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;

namespace Hub.Api.Tests.PushTargets;

public sealed class PushTargetDefinitionReaderTests
{
    [Fact]
    public void LoadDirectory_SavedDefinitions_LoadsTheFourRequiredLists()
    {
        var definitions = PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets"));

        Assert.Superset(new HashSet<string> { "child-allowance-unclaimed", "late-elderly-transition", "elderly-living-alone-area", "newborn-households" }, definitions.Keys.ToHashSet());
        var unclaimed = Assert.IsType<AllCriterion>(definitions["child-allowance-unclaimed"].Criteria);
        Assert.Contains(new AgeCriterion(0, 2, UncertainAges.Separate), unclaimed.Items);
        Assert.Contains(new HouseholdChildAllowanceCriterion(false), unclaimed.Items);
    }

    [Theory]
    [InlineData("""{"all":[{"age":{"min":0,"uncertain":"include"}},{"age":{"min":0,"maxx":2,"uncertain":"include"}}]}""", "$.criteria.all[1].age.maxx: unknown field")]
    [InlineData("""{"any":[{"household":{}}]}""", "$.criteria.any[0].household: unknown field")]
    [InlineData("""{"age":{"min":0,"max":2}}""", "$.criteria.age.uncertain: required")]
    [InlineData("""{"age":{"min":0,"uncertain":"maybe"}}""", "$.criteria.age.uncertain: 'maybe' is not include, exclude or separate")]
    [InlineData("""{"region":{}}""", "$.criteria.region: names no area code")]
    [InlineData("""{"turnsAge":{"age":75,"window":"someday","uncertain":"include"}}""", "$.criteria.turnsAge.window: 'someday'")]
    [InlineData("""{"age":{"min":0,"uncertain":"include"},"region":{"areaCodes":["0001001"]}}""", "$.criteria: a criterion must have exactly one key")]
    public void Load_BadCriteria_FailsWithFileAndPath(string criteria, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("hub-push-def-").FullName;
        var file = Path.Combine(dir, "broken.json");
        File.WriteAllText(file, $$"""{"id":"broken","title":"t","description":"d","task":"child-allowance","criteria":{{criteria}}}""");

        var e = Assert.Throws<PushTargetDefinitionException>(() => PushTargetDefinitionReader.Load(file));

        Assert.StartsWith("broken.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Load_UnknownTopLevelField_FailsWithPath()
    {
        var dir = Directory.CreateTempSubdirectory("hub-push-def-").FullName;
        var file = Path.Combine(dir, "x.json");
        File.WriteAllText(file, """{"id":"x","title":"t","description":"d","task":"t","fields":[],"criteria":{"nhiMember":true}}""");

        var e = Assert.Throws<PushTargetDefinitionException>(() => PushTargetDefinitionReader.Load(file));

        Assert.Contains("x.json: $.fields: unknown field", e.Message, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }
}
