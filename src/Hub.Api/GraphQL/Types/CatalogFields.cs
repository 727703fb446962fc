using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Hub.Adapters.Catalog;

namespace Hub.Api.GraphQL.Types;

/// <summary>
/// Declares GraphQL fields from the field catalog: the GraphQL name is the catalog field's name, the description
/// its Japanese label and path, the nullability its own, and the path is kept as field metadata
/// (<see cref="PathMetadataKey"/>) for enforcement.
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
        var graphType = field.Nullable ? typeof(TGraphType) : typeof(NonNullGraphType<>).MakeGenericType(typeof(TGraphType));
        return type.Field(field.Name, graphType)
            .Description(Describe(field))
            .Configure(f => f.Metadata[PathMetadataKey] = field.Path)
            .Resolve(context => value(context.Source));
    }

    /// <summary>The description of a catalog field: label and path.</summary>
    public static string Describe(CatalogField field) => $"{field.Label} ({field.Path})";
}
