namespace Hub.Capabilities.LifeEvents;

/// <summary>One procedure (手続き) a life event may bring, as a city's staff wrote it in <c>schemas/life-events/*.json</c>.</summary>
/// <param name="Id">Stable id, e.g. <c>child-allowance-application</c>.</param>
/// <param name="Name">手続き名, e.g. 児童手当認定請求.</param>
/// <param name="Department">担当課.</param>
/// <param name="When">When the procedure applies to this household.</param>
/// <param name="Reason">Why it applies, with <c>{fact}</c> placeholders filled from the data.</param>
/// <param name="FormId">The form <c>prefill</c> can fill (<c>schemas/forms</c>), or null.</param>
/// <param name="Done">When the data shows it already done (e.g. child allowance already granted), or null.</param>
/// <param name="DoneReason">Why it counts as done.</param>
public sealed record LifeEventProcedureRule(string Id, string Name, string Department, LifeEventCondition When, string Reason, string? FormId, LifeEventCondition? Done, string? DoneReason)
{
    /// <summary>Every fact the rule reads: its conditions and the placeholders of its texts.</summary>
    public IEnumerable<string> Facts =>
        When.Facts
            .Concat(Done?.Facts ?? [])
            .Concat(LifeEventTemplate.Facts(Reason))
            .Concat(LifeEventTemplate.Facts(DoneReason))
            .Distinct(StringComparer.Ordinal);
}
