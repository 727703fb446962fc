using Microsoft.Extensions.DependencyInjection;
using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Hub.Adapters.Catalog;
using Hub.Api.Extensions;
using Hub.Api.GraphQL;
using Hub.Api.GraphQL.Types;

namespace Hub.Api.Tests.GraphQL;

/// <summary>The schema against its exported SDL (<c>schemas/hub.graphql</c>) and against the field catalog.</summary>
public sealed class SchemaExportTests
{
    private const string UpdateVariable = "HUB_UPDATE_SCHEMA";

    [Fact]
    public void Sdl_MatchesSchemasHubGraphql()
    {
        var printed = Print();
        var file = Path.Combine(RepositoryRoot(), "schemas", "hub.graphql");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(file, printed);
        }

        Assert.True(File.Exists(file), $"{file} is missing. Regenerate it: {UpdateVariable}=1 dotnet test tests/Hub.Api.Tests --filter Sdl_MatchesSchemasHubGraphql");
        var exported = File.ReadAllText(file).ReplaceLineEndings("\n");
        Assert.True(
            exported == printed,
            $"schemas/hub.graphql differs from the schema in code. If the change is intended, regenerate it: {UpdateVariable}=1 dotnet test tests/Hub.Api.Tests --filter Sdl_MatchesSchemasHubGraphql");
    }

    [Theory]
    [InlineData("Resident", "resident")]
    [InlineData("Household", "household")]
    public void Fields_AreCatalogFieldsWithTheirLabels(string typeName, string record)
    {
        var schema = Build();
        var catalog = FieldCatalog.LoadDefault();
        var type = (IObjectGraphType)schema.AllTypes[typeName]!;

        // Relations (household, related records, history) carry no path of their own: the middleware checks them otherwise.
        foreach (var field in type.Fields.Where(f => f.GetMetadata<string?>(CatalogFields.PathMetadataKey) is not null || f.ResolvedType is ScalarGraphType))
        {
            var path = field.GetMetadata<string>(CatalogFields.PathMetadataKey);
            Assert.Equal($"{record}.{field.Name}", path);
            Assert.StartsWith(catalog.Find(path!)!.Label, field.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CatalogFields_EveryCatalogPathIsAGraphQLFieldAndNullable()
    {
        var schema = Build();
        var fields = schema.AllTypes.OfType<IObjectGraphType>().SelectMany(t => t.Fields)
            .Where(f => f.GetMetadata<string?>(CatalogFields.PathMetadataKey) is not null)
            .ToList();

        // A forbidden field is null with FIELD_FORBIDDEN; a non-null type would null its parent instead.
        Assert.All(fields, f => Assert.IsNotType<NonNullGraphType>(f.ResolvedType));
        Assert.Equal(
            FieldCatalog.LoadDefault().Fields.Select(f => f.Path).Order(StringComparer.Ordinal),
            fields.Select(f => f.GetMetadata<string>(CatalogFields.PathMetadataKey)!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CatalogValues_ReadEveryScalarCatalogPath()
    {
        var catalog = FieldCatalog.LoadDefault();
        Assert.Equal(
            catalog.Fields.Where(f => f.Type != "array" && !catalog.Kind(f.Record)!.IsGeneric).Select(f => f.Path).Order(StringComparer.Ordinal),
            Hub.Capabilities.Records.CatalogValues.Paths.Order(StringComparer.Ordinal));
        // Kinds declared as data are read from their stored values, whatever their fields.
        Assert.All(catalog.GenericKinds.SelectMany(k => k.Fields), f => Assert.True(Hub.Capabilities.Records.CatalogValues.CanRead(f.Path, catalog), f.Path));
        Assert.False(Hub.Capabilities.Records.CatalogValues.CanRead("household.members", catalog));
    }

    internal static string Print() => Build().Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n") + "\n";

    private static HubSchema Build()
    {
        var services = new ServiceCollection().AddLogging().AddHubGraphQL().BuildServiceProvider();
        var schema = services.GetRequiredService<HubSchema>();
        schema.Initialize();
        return schema;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MunicipalHub.sln not found above " + AppContext.BaseDirectory);
    }
}
