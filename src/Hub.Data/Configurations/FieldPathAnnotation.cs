using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

/// <summary>
/// Ties an EF property to its field-catalog path (e.g. <c>resident.name</c>), so tests can prove that
/// the model and <c>schemas/records</c> agree and queries can find the column of a path.
/// </summary>
public static class FieldPathAnnotation
{
    /// <summary>Annotation name.</summary>
    public const string Name = "Hub:FieldPath";

    /// <summary>Marks the property as the column of catalog field <paramref name="path"/>.</summary>
    public static PropertyBuilder<T> HasFieldPath<T>(this PropertyBuilder<T> property, string path) =>
        property.HasAnnotation(Name, path);

    /// <summary>The catalog path of <paramref name="property"/>, or null for technical columns.</summary>
    public static string? GetFieldPath(this IReadOnlyProperty property) => property.FindAnnotation(Name)?.Value as string;
}
