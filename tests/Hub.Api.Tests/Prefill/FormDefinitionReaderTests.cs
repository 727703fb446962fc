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

    [Fact]
    public void Load_ShippedForms_TheFourFormsOthersReferToWithLabelsAndPaths()
    {
        var forms = FormDefinitionReader.Load(SchemaDirectory.Find("forms"), Catalog);

        Assert.Superset(
            new HashSet<string> { "child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members" },
            forms.Forms.Select(f => f.Id).ToHashSet());
        string[] withMembers = ["child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members"];
        Assert.All(forms.Forms.Where(f => withMembers.Contains(f.Id)), f => Assert.NotNull(f.HouseholdMembers));
        Assert.All(forms.Forms.SelectMany(f => f.Items.Concat(f.HouseholdMembers?.Items ?? [])), i => Assert.True(Catalog.Contains(i.Path), i.Path));
        // A form may name a kind declared as data (要介護認定): its items are read from the generic table.
        Assert.Contains("longTermCare.careLevel", forms.Forms.Single(f => f.Id == "long-term-care-renewal").Items.Select(i => i.Path));
        Assert.Contains(FormCatalog.MembersPath, forms.PathsByForm()["nhi-enrolment"]);
    }

    [Fact]
    public void Load_UnknownCatalogPath_ConfigurationErrorNamingFileAndItem()
    {
        File.WriteAllText(Path.Combine(_directory, "bad-form.json"), """
            { "id": "bad-form", "title": "試験", "items": [ { "id": "name", "label": "氏名", "path": "resident.name" }, { "id": "phone", "label": "電話番号", "path": "resident.phoneNumber" } ] }
            """);

        var error = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(_directory, Catalog));

        Assert.Contains("schemas/forms/bad-form.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("'phone' (電話番号)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'resident.phoneNumber' is not a path of the field catalog", error.Message, StringComparison.Ordinal);
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
