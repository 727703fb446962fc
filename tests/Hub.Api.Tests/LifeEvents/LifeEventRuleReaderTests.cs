using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;

namespace Hub.Api.Tests.LifeEvents;

public sealed class LifeEventRuleReaderTests
{
    [Fact]
    public void LoadDirectory_SchemasLifeEvents_HasEveryEventAndTheIssuesProcedures()
    {
        var sets = LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), FormIds.Required);

        Assert.Equal(Enum.GetValues<LifeEventKind>().Order(), sets.Keys.Order());
        string[] birth = ["birth-registration", "child-allowance-application", "nhi-enrolment", "child-medical-subsidy", "infant-checkup"];
        string[] death = ["nhi-loss", "funeral-expenses", "child-allowance-recipient-change", "head-of-household-change"];
        string[] retirement = ["nhi-enrolment", "resident-tax-ordinary-collection"];
        Assert.Empty(birth.Except(sets[LifeEventKind.Birth].Procedures.Select(p => p.Id)));
        Assert.Empty(death.Except(sets[LifeEventKind.Death].Procedures.Select(p => p.Id)));
        Assert.Empty(retirement.Except(sets[LifeEventKind.Retirement].Procedures.Select(p => p.Id)));
    }

    [Fact]
    public void FormIds_SchemasForms_HasTheFourFormsTheRulesName() =>
        Assert.Superset(new HashSet<string> { "child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members" }, FormIds.Required.ToHashSet());

    [Fact]
    public void LoadDirectory_FormsFolderMissingAForm_FailsNamingFileAndForm()
    {
        var forms = new HashSet<string>(FormIds.Required);
        forms.Remove("nursery-admission");

        var e = Assert.Throws<LifeEventRulesException>(() => LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), forms));

        Assert.Contains("move-in.json: $.procedures[5].form: unknown form 'nursery-admission'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownFactFormFieldAndWrongTest_ListsEveryProblem()
    {
        const string json = """
            {"event":"BIRTH","title":"出生","procedures":[
              {"id":"a","name":"A","department":"D","when":{"fact":"subject.shoeSize","atLeast":1},"reason":"r"},
              {"id":"b","name":"B","department":"D","when":{"fact":"subject.nhiMember","atLeast":1},"reason":"r {household.pets}","form":"no-such-form"},
              {"id":"c","name":"C","department":"D","when":{"always":true},"reason":"r","color":"red"}
            ]}
            """;

        var e = Assert.Throws<LifeEventRulesException>(() => LifeEventRuleReader.Parse(json, "birth.json", FormIds.Required));

        Assert.Contains("birth.json: $.procedures[0].when.fact: unknown fact 'subject.shoeSize'", e.Message, StringComparison.Ordinal);
        Assert.Contains("birth.json: $.procedures[1].when.atLeast: does not fit 'subject.nhiMember', a boolean fact", e.Message, StringComparison.Ordinal);
        Assert.Contains("birth.json: $.procedures[1].form: unknown form", e.Message, StringComparison.Ordinal);
        Assert.Contains("birth.json: $.procedures[1].reason: unknown fact '{household.pets}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("birth.json: $.procedures[2].color: unknown field", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_MissingEvent_Fails()
    {
        var dir = Directory.CreateTempSubdirectory("hub-life-").FullName;
        File.Copy(Path.Combine(SchemaDirectory.Find("life-events"), "birth.json"), Path.Combine(dir, "birth.json"));

        var e = Assert.Throws<LifeEventRulesException>(() => LifeEventRuleReader.LoadDirectory(dir, FormIds.Required));

        Assert.Contains("no rules for DEATH", e.Message, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public void FactCondition_UncertainAge_PassesNoNumericTest()
    {
        var facts = new Dictionary<string, object?> { ["subject.age"] = null };
        Assert.False(new FactCondition("subject.age", null, 75, null, null).Holds(facts));
        Assert.False(new FactCondition("subject.age", null, null, 74, null).Holds(facts));
    }
}
