using GraphQL.Types;
using Hub.Policy.Invariants;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>反例: a violated invariant with its first counterexample.</summary>
internal sealed class InvariantViolationType : ObjectGraphType<InvariantViolation>
{
    public InvariantViolationType()
    {
        Name = "PolicyInvariantViolation";
        Description = "An invariant (不変条件, schemas/policy/invariants.csv) a version violates, with its first counterexample; it blocks approval.";
        Field<NonNullGraphType<StringGraphType>>("invariant").Description("The invariant's id").Resolve(c => c.Source.Invariant.Id);
        Field<NonNullGraphType<StringGraphType>>("statement").Description("The rule in the officers' words").Resolve(c => c.Source.Invariant.Statement);
        Field<NonNullGraphType<StringGraphType>>("subject").Description("Role or staff user of the counterexample").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("task").Resolve(c => c.Source.Task);
        Field<NonNullGraphType<StringGraphType>>("field").Description("Catalog path").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("rule").Description("The allowing rule's values").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<IntGraphType>>("count").Description("How many (subject, task, field, action) violate it in all").Resolve(c => c.Source.Count);
    }
}
