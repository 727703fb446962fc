using GraphQL.Types;
using Hub.Policy.Invariants;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>不変条件: one of the city's standing rules about the policy.</summary>
internal sealed class PolicyInvariantType : ObjectGraphType<PolicyInvariant>
{
    public PolicyInvariantType()
    {
        Name = "PolicyInvariant";
        Description = "One invariant (不変条件): no subject among subjects may, in a task among tasks, use a field among fields for an action among actions.";
        Field<NonNullGraphType<StringGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("statement").Resolve(c => c.Source.Statement);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("subjects").Resolve(c => c.Source.Subjects);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tasks").Description("Task patterns; !ordinance means the tasks the ordinance table does not name").Resolve(c => c.Source.Tasks);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("fields").Resolve(c => c.Source.Fields);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("actions").Resolve(c => c.Source.Actions);
    }
}
