using GraphQL.Types;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>The root mutation: policy administration for privacy officers.</summary>
internal sealed class HubMutationType : ObjectGraphType
{
    public HubMutationType()
    {
        Name = "Mutation";
        Description = "Changes: policy administration (privacy officers in the privacy-audit task only).";
        this.AddPolicyMutations();
        this.AddPolicyReviewMutations();
    }
}
