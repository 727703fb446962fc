using Hub.Adapters.Catalog;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Capabilities.Prefill;

namespace Hub.Api.Tests.Prefill;

/// <summary>The forms of schemas/forms, and the startup check that refuses a form naming an unknown catalog path.</summary>
public sealed class FormDefinitionReaderTests : IDisposable
{
    private static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-forms-").FullName;

    private static readonly IReadOnlySet<string> PolicyTaskCodes = PolicyTasks.Read(Path.Combine(SchemaDirectory.Find("policy"), "policy.csv"));

    [Fact]
    public void Load_ShippedForms_TheFormsOthersReferToWithLabelsPathsAndTasks()
    {
        var forms = FormDefinitionReader.Load(SchemaDirectory.Find("forms"), Catalog, PolicyTaskCodes);

        Assert.Superset(
            new HashSet<string>
            {
                "child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members",
                "nhi-loss", "funeral-expenses", "child-allowance-recipient-change", "child-medical-subsidy", "late-elderly-enrolment",
            },
            forms.Forms.Select(f => f.Id).ToHashSet());
        string[] withMembers = ["child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members"];
        Assert.All(forms.Forms.Where(f => withMembers.Contains(f.Id)), f => Assert.NotNull(f.HouseholdMembers));
        Assert.All(forms.Forms.SelectMany(f => f.AllItems).Where(i => !i.IsApplicantAnswer), i => Assert.True(Catalog.Contains(i.Path!), i.Path));
        Assert.Equal("nursery", forms.Find("nursery-admission")!.Task);
        Assert.Contains("電話番号", forms.Find("nursery-admission")!.ApplicantAnswers.Select(i => i.Label));
        Assert.NotNull(forms.Find("nursery-admission")!.Spouse);
        // A form may name a kind declared as data (要介護認定): its items are read from the generic table.
        Assert.Contains("longTermCare.careLevel", forms.Forms.Single(f => f.Id == "long-term-care-renewal").Items.Select(i => i.Path));
        Assert.Contains(FormCatalog.MembersPath, forms.PathsByForm()["nhi-enrolment"]);
    }

    [Fact]
    public void Load_UnknownCatalogPath_ConfigurationErrorNamingFileAndItem()
    {
        File.WriteAllText(Path.Combine(_directory, "bad-form.json"), """
            { "id": "bad-form", "task": "nhi", "title": "試験", "items": [ { "id": "name", "label": "氏名", "path": "resident.name" }, { "id": "phone", "label": "電話番号", "path": "resident.phoneNumber" } ] }
            """);

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog));

        Assert.Contains("schemas/forms/bad-form.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("'phone' (電話番号)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'resident.phoneNumber' is not a path of the field catalog", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownOrMissingTask_ConfigurationErrorNamingTheFile()
    {
        File.WriteAllText(Path.Combine(_directory, "unknown-task.json"), """
            { "id": "unknown-task", "task": "nurserry", "title": "試験", "items": [ { "id": "name", "label": "氏名", "path": "resident.name" } ] }
            """);
        File.WriteAllText(Path.Combine(_directory, "no-task.json"), """
            { "id": "no-task", "title": "試験", "items": [ { "id": "name", "label": "氏名", "path": "resident.name" } ] }
            """);

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog, PolicyTaskCodes));

        Assert.Contains("schemas/forms/unknown-task.json: task 'nurserry' is not a task of the policy (known: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("nursery", error.Message[error.Message.IndexOf("(known: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("schemas/forms/no-task.json: needs 'task'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ApplicantAnswerAndForeignResidentItems_ReadWithoutAPathOrWithTheirCondition()
    {
        File.WriteAllText(Path.Combine(_directory, "answers.json"), """
            { "id": "answers", "task": "nhi", "title": "試験", "items": [
                { "id": "phone", "label": "電話番号", "answer": "applicant" },
                { "id": "alias", "label": "通称", "path": "resident.alias", "for": "foreignResident" } ] }
            """);
        File.WriteAllText(Path.Combine(_directory, "bad-answers.json"), """
            { "id": "bad-answers", "task": "nhi", "title": "試験", "items": [
                { "id": "both", "label": "両方", "path": "resident.name", "answer": "applicant" },
                { "id": "who", "label": "誰", "path": "resident.name", "for": "children" } ] }
            """);

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog, PolicyTaskCodes));
        File.Delete(Path.Combine(_directory, "bad-answers.json"));
        var form = FormDefinitionReader.Load(_directory, Catalog, PolicyTaskCodes).Find("answers")!;

        Assert.Contains("bad-answers.json: items[0] 'both': needs 'id', 'label' and either 'path'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad-answers.json: items[1] 'who' (誰): 'for' must be", error.Message, StringComparison.Ordinal);
        Assert.True(form.Items[0].IsApplicantAnswer);
        Assert.Equal(FormItemCondition.ForeignResident, form.Items[1].Applies);
        Assert.Equal(["resident.alias", FormItemConditions.ResidentKindPath], form.Paths);
    }

    [Fact]
    public void Load_EveryProblemOfEveryFile_OneMessage()
    {
        File.WriteAllText(Path.Combine(_directory, "a.json"), """{ "id": "other", "title": "A", "items": [ { "id": "m", "label": "世帯員", "path": "household.members" } ] }""");
        File.WriteAllText(Path.Combine(_directory, "b.json"), """{ "id": "b", "title": "B", "items": [ { "id": "x", "label": "X", "path": "resident.name" } ], "householdMembers": { "label": "M", "items": [ { "id": "h", "label": "世帯主", "path": "household.headName" } ] } }""");

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog));

        Assert.Contains("schemas/forms/a.json: items[0] 'm' (世帯員): 'household.members' is not a scalar field", error.Message, StringComparison.Ordinal);
        Assert.Contains("schemas/forms/b.json: householdMembers.items[0] 'h' (世帯主): 'household.headName' does not belong to a person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsConfigurationMistake_FormError_HostExitsTwo()
    {
        File.WriteAllText(Path.Combine(_directory, "x.json"), """{ "id": "x", "title": "X", "items": [ { "id": "a", "label": "A", "path": "nope.nope" } ] }""");

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog));

        Assert.True(HubServer.IsConfigurationMistake(error));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
