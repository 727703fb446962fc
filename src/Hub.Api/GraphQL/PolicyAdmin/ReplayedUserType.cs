using GraphQL.Types;
using Hub.Capabilities.Policies;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>One user's replayed requests in one task.</summary>
internal sealed class ReplayedUserType : ObjectGraphType<ReplayedUser>
{
    public ReplayedUserType()
    {
        Name = "PolicyReplayUser";
        Description = "One staff user's past requests in one task, replayed against a draft.";
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("task").Resolve(c => c.Source.Task);
        Field<NonNullGraphType<IntGraphType>>("requests").Resolve(c => c.Source.Requests);
        Field<NonNullGraphType<IntGraphType>>("refused").Resolve(c => c.Source.Refused);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Description("Catalog paths the draft would withhold from them").Resolve(c => c.Source.Fields);
    }
}
