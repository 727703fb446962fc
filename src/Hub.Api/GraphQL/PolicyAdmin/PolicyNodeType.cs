using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>ノード別の適用版.</summary>
internal sealed class PolicyNodeType : ObjectGraphType<PolicyNodeStatus>
{
    public PolicyNodeType()
    {
        Name = "PolicyNode";
        Description = "Which policy version one hub node serves, since when, and when it last reported.";
        Field<NonNullGraphType<StringGraphType>>("node").Description("Hub:Policy:NodeName").Resolve(c => c.Source.Node);
        Field<NonNullGraphType<IntGraphType>>("version").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Description("When it took the version up").Resolve(c => c.Source.Since);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("reportedAt").Description("When it last reported").Resolve(c => c.Source.ReportedAt);
    }
}
