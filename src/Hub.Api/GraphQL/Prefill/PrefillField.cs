using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Types;
using Hub.Api.Prefill;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>The root field <c>prefill(formId:, atenaNumber:)</c>.</summary>
internal static class PrefillField
{
    public static void AddPrefill(this ObjectGraphType query) =>
        query.Field<PrefillType>("prefill")
            .Description("A form (schemas/forms) pre-filled for a resident, item by item under the request's task: FILLED, WITHHELD (policy), UNAVAILABLE, UNCERTAIN. Household items are filled for every member. Unknown resident: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("formId", "The form's id, e.g. child-allowance-application, nursery-admission, nhi-enrolment, move-in-household-members")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the applicant")
            .Principal(EnforcementMetadata.Staff)
            .ResolveAsync(async c =>
            {
                var formId = c.GetArgument<string>("formId");
                var form = c.RequestServices!.GetRequiredService<FormCatalog>().Find(formId)
                    ?? throw new ExecutionError($"No form '{formId}' (schemas/forms).") { Code = "BAD_USER_INPUT" };
                var applicant = await c.Loaders().Residents.Load(c.GetArgument<string>("atenaNumber")).GetResultAsync(c.CancellationToken).ConfigureAwait(false)
                    ?? throw HubErrors.NotFound("resident with this atena number");
                return await FormPrefiller.FillAsync(form, applicant, c.Gate(), c.Loaders(), c.Access(), c.CancellationToken).ConfigureAwait(false);
            });
}
