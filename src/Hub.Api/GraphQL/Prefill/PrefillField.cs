using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Types;
using Hub.Capabilities.Prefill;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Prefill;

/// <summary>The root field <c>prefill(formId:, atenaNumber:)</c>.</summary>
internal static class PrefillField
{
    public static void AddPrefill(this ObjectGraphType query) =>
        query.Field<PrefillType>("prefill")
            .Description("A form (schemas/forms) pre-filled for a resident, item by item under the request's task: FILLED, WITHHELD (policy), UNAVAILABLE, UNCERTAIN. Household items are filled for every member. Unknown resident: null and NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("formId", "The form's id, e.g. child-allowance-application, nursery-admission, nhi-enrolment, move-in-household-members")
            .Argument<NonNullGraphType<StringGraphType>>("atenaNumber", "宛名番号 of the applicant")
            .Principal(EnforcementMetadata.StaffOrResident)
            .ResolveAsync(async c =>
            {
                var forms = c.RequestServices!.GetRequiredService<FormCatalog>();
                var form = forms.Find(c.GetArgument<string>("formId"))
                    ?? throw HubErrors.BadUserInput("formId", $"names no form of schemas/forms (known: {string.Join(", ", forms.Forms.Select(f => f.Id))})");
                var atena = Arguments.Number(c, "atenaNumber", "宛名番号");
                var gate = c.Gate();

                // A resident principal (a portal) pre-fills their own forms only; anyone else's is refused before any load.
                if (gate.Self is { } self && !string.Equals(self, atena, StringComparison.Ordinal))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, "a resident principal may pre-fill forms about themselves only.");
                }

                return await Portal.PortalFields.FillAsync(c, form, atena).ConfigureAwait(false);
            });
}
