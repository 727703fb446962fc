using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Hub.Adapters.Catalog;

namespace Hub.Api.GraphQL.Types;

/// <summary>
/// Declares GraphQL fields from the field catalog: the GraphQL name is the catalog field's name, the description
/// its Japanese label and path, and the path is kept as field metadata (<see cref="PathMetadataKey"/>) for enforcement.
/// Every catalog field is nullable in the schema, whatever the catalog says: a field the caller's task may not see is
/// null with FIELD_FORBIDDEN, and must not null its parent.
/// </summary>
internal static class CatalogFields
{
    /// <summary>Metadata key holding a field's catalog path (e.g. <c>resident.name</c>).</summary>
    public const string PathMetadataKey = "hub:catalogPath";

    public static FieldBuilder<TSource, object> CatalogField<TSource, TGraphType>(
        this ObjectGraphType<TSource> type,
        FieldCatalog catalog,
        string path,
        Func<TSource, object?> value)
        where TGraphType : IGraphType
    {
        var field = catalog.Find(path) ?? throw new InvalidOperationException($"GraphQL field {path} is not in the field catalog (schemas/records).");
        return type.Field(field.Name, typeof(TGraphType))
            .Description(Describe(field))
            .Configure(f => f.Metadata[PathMetadataKey] = field.Path)
            .Resolve(context => value(context.Source));
    }

    /// <summary>Marks a relation to another record (e.g. <c>tax</c>): allowed only when some field of it may be read.</summary>
    public static FieldBuilder<TSource, TReturn> CatalogRecord<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string record) =>
        field.Configure(f => f.Metadata[Enforcement.EnforcementMetadata.CatalogRecord] = record);

    /// <summary>Marks a root field with who may call it (<see cref="Enforcement.EnforcementMetadata"/>).</summary>
    public static FieldBuilder<TSource, TReturn> Principal<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string principal) =>
        field.Configure(f => f.Metadata[Enforcement.EnforcementMetadata.Principal] = principal);

    /// <summary>The description of a catalog field: label and path.</summary>
    public static string Describe(CatalogField field) => $"{field.Label} ({field.Path})";
}
