using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Utilities;
using Hub.Adapters.Catalog;
using Hub.Api.Extensions;
using Hub.Api.GraphQL;
using Hub.Capabilities;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Policy.Enforcement;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Docs;

/// <summary>
/// docs/kinds.md shows how a city adds a record kind with no code. Its snippets are taken from the page as written: the
/// schema (the <c>json</c> block with <c>x-hub-record</c>) loads into the field catalog beside the shipped kinds and its
/// <c>graphql</c> block is in the schema built from that catalog; the form, the push definition, the life-event procedure
/// and the policy lines load against that catalog (and not against the shipped one, which lacks the kind) and decide as
/// the page says.
/// </summary>
public sealed partial class KindsGuideTests : IDisposable
{
    private const string Kind = "schoolAid";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-kinds-guide-").FullName;
    private readonly List<(string Language, string Text)> _blocks;
    private readonly FieldCatalog _catalog;

    public KindsGuideTests()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "kinds.md"));
        _blocks = [.. Block().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
        var records = Directory.CreateDirectory(Path.Combine(_dir, "records")).FullName;
        foreach (var file in Directory.GetFiles(SchemaDirectory.Find("records"), "*.schema.json"))
        {
            File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(records, "school-aid.schema.json"), Json("\"x-hub-record\""));
        _catalog = FieldCatalog.Load(records);
    }

    [Fact]
    public void Schema_LoadsIntoTheCatalogAsAKindDeclaredAsData()
    {
        var kind = _catalog.Kind(Kind);
        Assert.NotNull(kind);
        Assert.True(kind.IsGeneric);
        Assert.Equal("就学援助 認定", kind.Label);
        Assert.Equal(["certificationNumber"], kind.Key);
        Assert.Equal("atenaNumber", kind.Subject);
        Assert.Equal(("approvedOn", "endsOn", true), (kind.Dating!.From, kind.Dating.To, kind.Dating.ToInclusive));
        Assert.Equal(["category", "schoolYear"], kind.Indexed);
        Assert.Equal(
            ["atenaNumber:string", "certificationNumber:string", "category:string", "schoolYear:integer", "lunchCovered:boolean", "approvedOn:date", "endsOn:date"],
            kind.Fields.Select(f => $"{f.Name}:{f.Type}"));
        Assert.Equal(["要保護", "準要保護"], _catalog.Find("schoolAid.category")!.AllowedValues!);
        Assert.Null(FieldCatalog.LoadDefault().Kind(Kind));
    }

    [Fact]
    public void Schema_AppearsInTheGraphQLSchemaAsThePageShowsIt()
    {
        var sdl = Sdl(_catalog).Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        var shown = Single("graphql").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(shown.Count >= 8, $"the page's graphql block has {shown.Count} line(s)");
        Assert.All(shown, line => Assert.True(sdl.Contains(line), $"docs/kinds.md shows '{line}', which the SDL built from the page's schema does not print"));
        Assert.DoesNotContain("type SchoolAid {", Sdl(FieldCatalog.LoadDefault()), StringComparison.Ordinal);
    }

    [Fact]
    public void Form_LoadsAgainstTheCatalogWithTheKind()
    {
        var forms = Directory.CreateDirectory(Path.Combine(_dir, "forms")).FullName;
        File.WriteAllText(Path.Combine(forms, "school-aid-renewal.json"), Json("\"items\""));
        var form = FormDefinitionReader.Load(forms, _catalog).Find("school-aid-renewal");
        Assert.NotNull(form);
        Assert.Contains("schoolAid.category", form.Items.Select(i => i.Path));
        var refused = Assert.Throws<HubConfigurationException>(() => FormDefinitionReader.Load(forms, FieldCatalog.LoadDefault()));
        Assert.Contains("schoolAid.certificationNumber", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PushDefinition_LoadsAsARecordCriterionOnTheIndexedFields()
    {
        var file = Path.Combine(_dir, "school-aid-lunch.json");
        File.WriteAllText(file, Json("\"criteria\""));
        var definition = PushTargetDefinitionReader.Load(file, _catalog);
        Assert.Equal("school-aid", definition.Task);
        var record = Assert.IsType<RecordCriterion>(Assert.Single(Assert.IsType<AllCriterion>(definition.Criteria).Items));
        Assert.Equal(Kind, record.Kind);
        Assert.True(record.Active);
        Assert.Equal(["category", "schoolYear"], record.Where.Select(t => t.Field));
        Assert.Contains("schoolAid.endsOn", record.Paths);
        Assert.ThrowsAny<Exception>(() => PushTargetDefinitionReader.Load(file, FieldCatalog.LoadDefault()));
    }

    [Fact]
    public void LifeEventProcedure_LoadsWithTheKindsFacts()
    {
        var procedure = Json("\"school-aid-end\"");
        var file = $$"""{ "event": "MOVE_OUT", "title": "転出", "procedures": [ {{procedure}} ] }""";
        var set = LifeEventRuleReader.Parse(file, "move-out.json", new HashSet<string>(), LifeEventFacts.For(_catalog));
        Assert.Equal("school-aid-end", Assert.Single(set.Procedures).Id);
        Assert.Throws<LifeEventRulesException>(() => LifeEventRuleReader.Parse(file, "move-out.json", new HashSet<string>(), LifeEventFacts.For(FieldCatalog.LoadDefault())));
    }

    [Fact]
    public void PolicyLines_LetTheClerkReadTheKindUnderItsTaskOnly()
    {
        var policy = Path.Combine(_dir, "policy.csv");
        File.WriteAllText(policy, Single("csv"));
        var enforcer = Enforcer.FromFiles(Path.Combine(SchemaDirectory.Find("policy"), "model.conf"), policy);
        Assert.True(enforcer.Enforce("demo-school-aid-clerk", "school-aid", "schoolAid.category", "read"));
        Assert.True(enforcer.Enforce("demo-school-aid-clerk", "school-aid", "resident.name", "read"));
        Assert.False(enforcer.Enforce("demo-school-aid-clerk", "school-aid", "resident.myNumber", "read"));
        Assert.False(enforcer.Enforce("demo-school-aid-clerk", "long-term-care", "schoolAid.category", "read"));
        Assert.False(enforcer.Enforce("demo-school-aid-clerk", "school-aid", "schoolAid.category", "extract"));
        Assert.All(_catalog.Kind(Kind)!.Fields, f => Assert.True(enforcer.Enforce("demo-school-aid-clerk", "school-aid", f.Path, "read"), f.Path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Sdl(FieldCatalog catalog)
    {
        using var services = new ServiceCollection().AddLogging().AddSingleton(catalog).AddHubGraphQL().BuildServiceProvider();
        var schema = services.GetRequiredService<HubSchema>();
        schema.Initialize();
        return schema.Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n");
    }

    // The one json block of the page that contains `marker`.
    private string Json(string marker) =>
        Assert.Single(_blocks, b => b.Language == "json" && b.Text.Contains(marker, StringComparison.Ordinal)).Text;

    private string Single(string language) => Assert.Single(_blocks, b => b.Language == language).Text;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MunicipalHub.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(json|csv|graphql)\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Block();
}
