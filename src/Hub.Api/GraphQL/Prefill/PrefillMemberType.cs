using GraphQL;
using GraphQL.Types;
using Hub.Capabilities.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>A form's member section answered for one household member.</summary>
internal sealed class PrefillMemberType : ObjectGraphType<PrefilledMember>
{
    public PrefillMemberType()
    {
        Name = "PrefillMember";
        Description = "The member section of a form for one household member.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PrefillItemType>>>>("items").Description("The member's items, in form order").WithComplexityImpact(1, PrefillType.ItemsPerForm).Resolve(c => c.Source.Items);
    }
}
