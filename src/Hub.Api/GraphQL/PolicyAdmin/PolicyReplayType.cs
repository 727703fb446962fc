using GraphQL.Types;
using Hub.Capabilities.Policies;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>過去アクセスの再評価.</summary>
internal sealed class PolicyReplayType : ObjectGraphType<PolicyReplayResult>
{
    public PolicyReplayType()
    {
        Name = "PolicyReplay";
        Description = "The access records of the last days replayed against a draft: requests the version in force allows that the draft would refuse.";
        Field<NonNullGraphType<IntGraphType>>("draft").Resolve(c => c.Source.Draft);
        Field<IntGraphType>("against").Resolve(c => c.Source.Against);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("from").Resolve(c => c.Source.From);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("to").Resolve(c => c.Source.To);
        Field<NonNullGraphType<IntGraphType>>("records").Description("Access records read").Resolve(c => c.Source.Records);
        Field<NonNullGraphType<IntGraphType>>("refused").Description("Records the draft would refuse").Resolve(c => c.Source.Refused);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReplayedUserType>>>>("users").Resolve(c => c.Source.Users);
    }
}
