using GraphQL.Types;
using Hub.Capabilities.Agency;

namespace Hub.Api.GraphQL.Portal;

/// <summary>A ground for acting for a household member: the policy role it grants and its Japanese name.</summary>
internal sealed class AgencyGroundType : ObjectGraphType<AgencyGround>
{
    public AgencyGroundType()
    {
        Name = "AgencyGround";
        Description = "Why you may act for this member (法定代理・世帯): 世帯主 (ground:household-head) or 親権者 (ground:parental-authority). What each may read is in the policy, task resident-portal, with its legal basis.";
        Field<NonNullGraphType<StringGraphType>>("role").Description("The policy role, e.g. ground:parental-authority").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<StringGraphType>>("label").Description("世帯主 or 親権者").Resolve(c => c.Source.Label);
    }
}
