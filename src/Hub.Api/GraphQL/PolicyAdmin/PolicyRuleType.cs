using GraphQL.Types;
using Hub.Policy.Persistence;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>One policy line (p or g).</summary>
internal sealed class PolicyRuleType : ObjectGraphType<PolicyRule>
{
    public PolicyRuleType()
    {
        Name = "PolicyRule";
        Description = "One policy line: its type (p, g, …) and values.";
        Field<NonNullGraphType<StringGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values").Resolve(c => c.Source.Values);
        Field<NonNullGraphType<StringGraphType>>("text").Description("As a CSV line").Resolve(c => c.Source.Type + ", " + string.Join(", ", c.Source.Values));
    }
}
