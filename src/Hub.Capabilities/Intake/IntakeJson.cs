using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hub.Capabilities.Intake;

/// <summary>How intake stores items as JSON: camelCase, Japanese kept as written.</summary>
internal static class IntakeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<IntakeLegItem> Items(string json) => JsonSerializer.Deserialize<List<IntakeLegItem>>(json, Options) ?? [];
}
