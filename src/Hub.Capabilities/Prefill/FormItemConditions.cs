using Hub.Adapters.Domain.Vocabulary;
using Hub.Data.Entities;

namespace Hub.Capabilities.Prefill;

/// <summary>Decides <see cref="FormItemCondition"/>: whether an item is for a person, and the path the decision reads.</summary>
public static class FormItemConditions
{
    /// <summary>住民種別: decides <see cref="FormItemCondition.ForeignResident"/>.</summary>
    public const string ResidentKindPath = "resident.residentKind";

    /// <summary>The path <paramref name="condition"/> reads, or null when it reads none.</summary>
    public static string? PathOf(FormItemCondition condition) =>
        condition == FormItemCondition.ForeignResident ? ResidentKindPath : null;

    /// <summary>Whether an item under <paramref name="condition"/> is for <paramref name="person"/>.</summary>
    public static bool Applies(FormItemCondition condition, ResidentRecord person) => condition switch
    {
        FormItemCondition.ForeignResident => person.ResidentKind == ResidentKind.Foreign.Label,
        _ => true,
    };
}
