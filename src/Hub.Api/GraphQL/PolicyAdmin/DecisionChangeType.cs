using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>A (user, task, field, action) decision a draft changes.</summary>
internal sealed class DecisionChangeType : ObjectGraphType<DecisionChange>
{
    public DecisionChangeType()
    {
        Name = "PolicyDecisionChange";
        Description = "A (user, task, field, action) decision the draft changes, with the deciding rules before and after.";
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("task").Resolve(c => c.Source.Task);
        Field<NonNullGraphType<StringGraphType>>("field").Description("Catalog path").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<StringGraphType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<BooleanGraphType>>("before").Resolve(c => c.Source.Before);
        Field<NonNullGraphType<BooleanGraphType>>("after").Resolve(c => c.Source.After);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ruleBefore").Resolve(c => c.Source.RuleBefore);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("ruleAfter").Resolve(c => c.Source.RuleAfter);
    }
}
