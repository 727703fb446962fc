using Hub.Adapters.Catalog;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.Policies;

namespace Hub.Api.Tests.Intake;

/// <summary>The intake rules as shipped, and every problem a broken file is refused with.</summary>
public sealed class IntakeRuleReaderTests
{
    private static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();
    private static readonly FormCatalog Forms = FormDefinitionReader.Load(SchemaDirectory.Find("forms"), Catalog, PolicyTasks.Read(Path.Combine(SchemaDirectory.Find("policy"), "policy.csv")));
    private static readonly LifeEventRules LifeEvents = LifeEventRules.Load(catalog: Catalog);

    [Fact]
    public void Load_Shipped_OpensALegForEveryProcedureButGuidanceOnly_WithTheFormsTask()
    {
        var rules = IntakeRules.Load(LifeEvents, Forms);

        Assert.Equal([LifeEventKind.Birth, LifeEventKind.MoveIn, LifeEventKind.Death], rules.Events.Keys);
        var birth = rules.Events[LifeEventKind.Birth];
        Assert.Equal(["infant-checkup"], birth.GuidanceOnly);
        Assert.Equal(("保険年金課", "nhi", "nhi-enrolment", 14), (birth.Legs["nhi-enrolment"].Department, birth.Legs["nhi-enrolment"].Task, birth.Legs["nhi-enrolment"].FormId, birth.Legs["nhi-enrolment"].SlaDays));
        Assert.All(rules.AllLegs.Where(l => l.FormId is not null), l => Assert.Equal(Forms.Find(l.FormId!)!.Task, l.Task));
        Assert.Equal(["child-allowance", "child-medical-subsidy"], rules.TasksOf("子育て支援課").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_Broken_ListsEveryProblemWithItsPath()
    {
        const string json = """
            { "events": {
                "BIRTH": { "legs": [
                  { "procedure": "birth-registration", "department": "保険年金課", "task": "resident-registry", "role": "role:resident-clerk", "slaDays": 1 },
                  { "procedure": "nhi-enrolment", "department": "保険年金課", "task": "child-allowance", "role": "nhi-clerk", "slaDays": 0 },
                  { "procedure": "no-such", "department": "市民課", "task": "x", "role": "role:x", "slaDays": 3, "extra": 1 }
                ] },
                "HOLIDAY": { "legs": [] }
            } }
            """;

        var e = Assert.Throws<LifeEventRulesException>(() => IntakeRuleReader.Parse(json, "t.json", LifeEvents, Forms));

        Assert.Contains("$.events.BIRTH.legs[0].department: '保険年金課' differs from the life-event rule's '市民課'", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.events.BIRTH.legs[1].slaDays", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.events.BIRTH.legs[1].role", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.events.BIRTH.legs[2].extra: unknown key", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.events.HOLIDAY: unknown event", e.Message, StringComparison.Ordinal);
        Assert.Contains("procedure 'child-medical-subsidy' neither opens a leg nor is guidanceOnly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FormOfAnotherTask_IsRefused()
    {
        const string json = """
            { "events": { "BIRTH": { "legs": [
              { "procedure": "nhi-enrolment", "department": "保険年金課", "task": "child-allowance", "role": "role:nhi-clerk", "slaDays": 14 }
            ], "guidanceOnly": ["birth-registration", "child-allowance-application", "child-allowance-revision", "child-medical-subsidy", "infant-checkup"] } } }
            """;

        var e = Assert.Throws<LifeEventRulesException>(() => IntakeRuleReader.Parse(json, "t.json", LifeEvents, Forms));

        Assert.Contains("$.events.BIRTH.legs[0].task: 'child-allowance' differs from the task 'nhi' of its form nhi-enrolment", e.Message, StringComparison.Ordinal);
    }
}
