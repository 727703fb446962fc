using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Hub.Data.Entities;

namespace Hub.Capabilities.Records;

/// <summary>
/// The values of a stored generic record (<see cref="GenericRecord.Values"/>), parsed once per loaded record and read by
/// field name: as text for pre-fill (dates <c>yyyy-MM-dd</c>, booleans <c>true</c>/<c>false</c>) and typed for GraphQL.
/// </summary>
public static class GenericValues
{
    private static readonly ConditionalWeakTable<GenericRecord, Dictionary<string, JsonElement>> Parsed = [];

    /// <summary>The field's value as text; null when empty.</summary>
    public static string? Text(GenericRecord record, string field) =>
        Of(record).TryGetValue(field, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        } : null;

    /// <summary>The field's value in the CLR type of its catalog type (string, long, bool, DateOnly); null when empty.</summary>
    public static object? Typed(GenericRecord record, string field, string type)
    {
        if (!Of(record).TryGetValue(field, out var v) || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        return type switch
        {
            "integer" => v.GetInt64(),
            "boolean" => v.GetBoolean(),
            "date" => DateOnly.ParseExact(v.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => v.GetString(),
        };
    }

    private static Dictionary<string, JsonElement> Of(GenericRecord record) => Parsed.GetValue(record, static r =>
    {
        using var document = JsonDocument.Parse(r.Values);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    });
}
