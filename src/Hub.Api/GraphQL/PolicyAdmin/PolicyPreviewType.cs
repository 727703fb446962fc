using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>A draft's impact against the version in force.</summary>
internal sealed class PolicyPreviewType : ObjectGraphType<PolicyPreview>
{
    public PolicyPreviewType()
    {
        Name = "PolicyPreview";
        Description = "What publishing a draft would change against the version in force.";
        Field<NonNullGraphType<IntGraphType>>("draft").Resolve(c => c.Source.Draft);
        Field<IntGraphType>("against").Description("The version in force compared with").Resolve(c => c.Source.Against);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DecisionChangeType>>>>("decisions").Resolve(c => c.Source.Decisions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FormItemChangeType>>>>("formItems").Resolve(c => c.Source.FormItems);
    }
}
