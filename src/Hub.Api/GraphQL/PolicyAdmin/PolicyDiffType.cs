using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>Rules added and removed between two versions.</summary>
internal sealed class PolicyDiffType : ObjectGraphType<PolicyDiff>
{
    public PolicyDiffType()
    {
        Name = "PolicyDiff";
        Description = "What changed from one version to another: rules added and removed (order-insensitive), and whether the model changed.";
        Field<NonNullGraphType<IntGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<IntGraphType>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<BooleanGraphType>>("modelChanged").Resolve(c => c.Source.ModelChanged);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyRuleType>>>>("added").Resolve(c => c.Source.Added);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PolicyRuleType>>>>("removed").Resolve(c => c.Source.Removed);
    }
}
