using GraphQL.Types;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>A pre-fill form item a draft makes lose or gain its value.</summary>
internal sealed class FormItemChangeType : ObjectGraphType<FormItemChange>
{
    public FormItemChangeType()
    {
        Name = "PolicyFormItemChange";
        Description = "A field of a pre-fill form (schemas/forms) that the draft makes lose or gain its value for one user in one task.";
        Field<NonNullGraphType<StringGraphType>>("formId").Resolve(c => c.Source.Form);
        Field<NonNullGraphType<StringGraphType>>("user").Resolve(c => c.Source.User);
        Field<NonNullGraphType<StringGraphType>>("task").Resolve(c => c.Source.Task);
        Field<NonNullGraphType<StringGraphType>>("field").Description("Catalog path").Resolve(c => c.Source.Field);
        Field<NonNullGraphType<BooleanGraphType>>("gains").Description("True: filled after publication; false: withheld after publication").Resolve(c => c.Source.Gains);
    }
}
