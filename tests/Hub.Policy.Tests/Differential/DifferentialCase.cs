using System.Text.Json.Serialization;

namespace Hub.Policy.Tests.Differential;

/// <summary>A generated model, policy and request set decided by both Hub.Policy and node-casbin.</summary>
internal sealed record DifferentialCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("policy")] string Policy,
    [property: JsonPropertyName("options")] Dictionary<string, object>? Options,
    [property: JsonPropertyName("requests")] List<object?[]> Requests,
    [property: JsonIgnore] bool CompareExplain);
