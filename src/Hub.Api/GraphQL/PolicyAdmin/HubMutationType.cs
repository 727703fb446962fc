using GraphQL.Types;
using Hub.Api.GraphQL.Intake;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>The root mutation: policy administration for privacy officers.</summary>
internal sealed class HubMutationType : ObjectGraphType
{
    public HubMutationType()
    {
        Name = "Mutation";
        Description = "Changes: policy administration (privacy officers in the privacy-audit task only); applications (申請受付) and their legs.";
        this.AddPolicyMutations();
        this.AddPolicyReviewMutations();
        this.AddOrdinanceMutations();
        this.AddIntakeMutations();
    }
}
