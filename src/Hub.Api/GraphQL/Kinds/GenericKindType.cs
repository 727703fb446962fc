using GraphQL;
using GraphQL.Types;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Records;
using Hub.Api.GraphQL.Types;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Kinds;

/// <summary>
/// The GraphQL type of a kind declared as data, built from its schema at startup: one field per catalog field, named after
/// it, described by its label and path, and carrying the path so <see cref="Enforcement.FieldEnforcementMiddleware"/> checks
/// it like any typed field. Every field is nullable (a forbidden one is null with FIELD_FORBIDDEN).
/// </summary>
/// <remarks>Built per kind by <see cref="Types.ResidentType"/>, not by the container (one instance per kind).</remarks>
[DoNotRegister]
internal sealed class GenericKindType : ObjectGraphType<GenericRecord>
{
    public GenericKindType(RecordKind kind)
    {
        Name = TypeName(kind);
        Description = $"{kind.Label} ({kind.Name}.*): the latest version of one record, a kind declared as data in schemas/records/{kind.File}.";
        foreach (var field in kind.Fields)
        {
            var name = field.Name;
            var type = field.Type;
            Field(name, GraphType(type))
                .Description(CatalogFields.Describe(field))
                .Configure(f => f.Metadata[CatalogFields.PathMetadataKey] = field.Path)
                .Resolve(context => GenericValues.Typed(context.Source, name, type));
        }
    }

    /// <summary>The GraphQL type name of <paramref name="kind"/>: its name in upper camel case (<c>longTermCare</c> → <c>LongTermCare</c>).</summary>
    public static string TypeName(RecordKind kind) => char.ToUpperInvariant(kind.Name[0]) + kind.Name[1..];

    private static Type GraphType(string type) => type switch
    {
        "integer" => typeof(LongGraphType),
        "boolean" => typeof(BooleanGraphType),
        "date" => typeof(DateType),
        _ => typeof(StringGraphType),
    };
}
