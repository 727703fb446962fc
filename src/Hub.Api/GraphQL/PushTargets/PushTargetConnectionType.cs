using GraphQL.Types;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>A page of a push-target list (cursor connection, keyset order).</summary>
internal sealed class PushTargetConnectionType : ObjectGraphType<PushTargetConnection>
{
    public PushTargetConnectionType()
    {
        Name = "PushTargetConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Residents the criteria select in all (counted only when selected).").ResolveAsync(async c => await c.Source.Count(c.CancellationToken).ConfigureAwait(false));
        Field<StringGraphType>("endCursor").Description("Pass as 'after' for the next page.").Resolve(c => c.Source.EndCursor);
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushTargetType>>>>("nodes").Resolve(c => c.Source.Rows);
    }
}
