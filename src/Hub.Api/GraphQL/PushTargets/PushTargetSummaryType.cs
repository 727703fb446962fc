using GraphQL.Types;
using Hub.Capabilities.PushTargets;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>Counts by 町字 and age band, cells under 10 suppressed.</summary>
internal sealed class PushTargetSummaryType : ObjectGraphType<PushTargetSummary>
{
    public PushTargetSummaryType()
    {
        Name = "PushTargetSummary";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("bands").Description("Age band labels in order; 不詳 last.").Resolve(c => c.Source.Bands);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushTargetSummaryCellType>>>>("cells").Resolve(c => c.Source.Cells);
    }
}

/// <summary>One (町字, age band) cell.</summary>
internal sealed class PushTargetSummaryCellType : ObjectGraphType<PushTargetSummaryCell>
{
    public PushTargetSummaryCellType()
    {
        Name = "PushTargetSummaryCell";
        Field<StringGraphType>("areaCode").Resolve(c => c.Source.AreaCode);
        Field<NonNullGraphType<StringGraphType>>("ageBand").Resolve(c => c.Source.AgeBand);
        Field<IntGraphType>("count").Description("Null when suppressed (1–9 residents).").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<BooleanGraphType>>("suppressed").Resolve(c => c.Source.Suppressed);
    }
}
