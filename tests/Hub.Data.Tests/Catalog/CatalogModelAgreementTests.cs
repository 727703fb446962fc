using Hub.Adapters.Catalog;
using Hub.Data.Configurations;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Data.Tests.Catalog;

/// <summary>The field catalog (schemas/records) and the EF model describe the same fields with the same types.</summary>
public sealed class CatalogModelAgreementTests
{
    private static readonly Dictionary<string, Type> RecordEntities = new()
    {
        ["resident"] = typeof(ResidentRecord),
        ["household"] = typeof(HouseholdRecord),
        ["tax"] = typeof(TaxAssessmentRecord),
        ["nhi"] = typeof(NhiQualificationRecord),
        ["childAllowance"] = typeof(ChildAllowanceEntitlementRecord),
    };

    private readonly FieldCatalog _catalog = FieldCatalog.LoadDefault();
    private readonly IModel _model;

    public CatalogModelAgreementTests()
    {
        using var ctx = new HubDbContextFactory(new HubDatabaseOptions { ConnectionString = "Data Source=:memory:" }).CreateDbContext();
        _model = ctx.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
    }

    [Fact]
    public void Catalog_EveryBuiltInRecord_HasAnEntity_AndEveryOtherIsGeneric()
    {
        Assert.Equal(RecordEntities.Keys.Order(), _catalog.Kinds.Where(k => !k.IsGeneric).Select(k => k.Name).Order());
        Assert.Equal(RecordEntities.Keys.Order(), RecordKind.BuiltIn.Order());
        Assert.NotEmpty(_catalog.GenericKinds);
    }

    [Fact]
    public void EveryCatalogField_HasExactlyOneColumn_AndEveryAnnotatedColumnIsInTheCatalog()
    {
        var columns = AnnotatedProperties().ToLookup(p => p.Path);
        foreach (var field in _catalog.Fields.Where(f => f.Relation is null && !_catalog.Kind(f.Record)!.IsGeneric))
        {
            var matches = columns[field.Path].ToList();
            Assert.True(matches.Count == 1, $"{field.Path}: {matches.Count} EF properties carry this path");
            Assert.Equal(RecordEntities[field.Record], matches[0].Property.DeclaringType.ClrType);
        }

        foreach (var column in columns)
        {
            Assert.True(_catalog.Contains(column.Key), $"EF property path {column.Key} is not in schemas/records");
        }
    }

    [Fact]
    public void EveryCatalogField_TypeLengthAndNullability_MatchTheColumn()
    {
        var byPath = AnnotatedProperties().ToDictionary(p => p.Path, p => p.Property);
        foreach (var field in _catalog.Fields.Where(f => f.Relation is null && !_catalog.Kind(f.Record)!.IsGeneric))
        {
            var property = byPath[field.Path];
            var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            var expected = field.Type switch
            {
                "string" or "japaneseEraDate" => typeof(string),
                "integer" => clr == typeof(long) ? typeof(long) : typeof(int),
                "boolean" => typeof(bool),
                "date" => typeof(DateOnly),
                _ => null,
            };
            Assert.True(expected == clr, $"{field.Path}: catalog type {field.Type}, EF type {clr.Name}");
            if (field.MaxLength is { } max)
            {
                Assert.True(property.GetMaxLength() == max, $"{field.Path}: catalog maxLength {max}, EF {property.GetMaxLength()}");
            }

            if (!field.Nullable && clr == typeof(string))
            {
                Assert.False(property.IsNullable, $"{field.Path} is required in the catalog but nullable in EF");
            }
        }
    }

    [Fact]
    public void RelationFields_JoinOnExistingPaths()
    {
        foreach (var field in _catalog.Fields.Where(f => f.Relation is not null))
        {
            Assert.True(_catalog.Contains(field.Relation!), $"{field.Path} joins on unknown path {field.Relation}");
        }
    }

    [Fact]
    public void Catalog_EveryField_HasLabelClassificationAndStandardItem()
    {
        Assert.NotEmpty(_catalog.Fields);
        foreach (var f in _catalog.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Label), f.Path);
            Assert.False(string.IsNullOrWhiteSpace(f.Classification), f.Path);
            Assert.EndsWith("標準仕様書", f.StandardSpecification, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(f.StandardItem), f.Path);
        }

        Assert.True(_catalog.Find("resident.myNumber")!.IsMyNumber);
    }

    private IEnumerable<(string Path, IReadOnlyProperty Property)> AnnotatedProperties() =>
        _model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => (Path: p.GetFieldPath(), Property: (IReadOnlyProperty)p))
            .Where(p => p.Path is not null)
            .Select(p => (p.Path!, p.Property));
}
