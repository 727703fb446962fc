using GraphQL.Types;
using Hub.Api.PushTargets;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>A page of a push-target list (cursor connection, keyset order).</summary>
internal sealed class PushTargetConnectionType : ObjectGraphType<PushTargetPage>
{
    public PushTargetConnectionType()
    {
        Name = "PushTargetConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Residents the criteria select in all.").Resolve(c => c.Source.TotalCount);
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushTargetType>>>>("nodes").Resolve(c => c.Source.Rows);
    }
}
