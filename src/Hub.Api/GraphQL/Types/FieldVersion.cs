using Hub.Api.GraphQL.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>A field's value in one recorded version of its record, with that version's validity and provenance.</summary>
internal sealed record FieldVersion(string? Value, bool Uncertain, TemporalRecord Version)
{
    /// <summary>The values of <paramref name="path"/> across <paramref name="versions"/>, one entry per version.</summary>
    public static IReadOnlyList<FieldVersion> Of(string path, IReadOnlyList<ResidentRecord> versions) =>
        [.. versions.Select(v =>
        {
            var value = CatalogValues.Read(path, v);
            return new FieldVersion(value.Text, value.Uncertain, v);
        })];
}
