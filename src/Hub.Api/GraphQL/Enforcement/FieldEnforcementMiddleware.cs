using Hub.Capabilities.Requests;
using GraphQL;
using GraphQL.Instrumentation;
using Hub.Api.GraphQL.Errors;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Enforcement;

/// <summary>
/// 項目マスク enforcement for every field of the schema, whatever reached it (fragments, aliases, variables, nesting):
/// a root field checks who may call it; a catalog field is checked against the caller's <see cref="FieldGate"/> before
/// its resolver runs, so a forbidden value is never read, computed into the response or logged — the field is null with
/// <c>FIELD_FORBIDDEN</c> at its path. A released field is noted for the request's access record.
/// </summary>
internal sealed class FieldEnforcementMiddleware : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        var field = context.FieldDefinition;
        if (field.GetMetadata<string?>(EnforcementMetadata.Principal) is { } principal)
        {
            var gate = context.Gate();
            var allowed = principal switch
            {
                EnforcementMetadata.Resident => gate.IsResident,
                EnforcementMetadata.PrivacyOfficer => gate.IsPrivacyOfficer,
                EnforcementMetadata.StaffOrResident => true,
                _ => !gate.IsResident,
            };
            if (!allowed)
            {
                throw Forbidden(context, principal switch
                {
                    EnforcementMetadata.Resident => $"'{field.Name}' is for resident principals only.",
                    EnforcementMetadata.PrivacyOfficer => $"'{field.Name}' is for privacy officers in the {Hub.Capabilities.Audit.AuditTask.Code} task only.",
                    _ => $"'{field.Name}' is for staff; a resident principal reads their own record through 'me'.",
                });
            }

            context.Access().AddOperation(field.Name);
        }

        if (field.GetMetadata<string?>(EnforcementMetadata.CatalogPath) is { } path)
        {
            var subject = Subject.Of(context.Source);
            if (!context.Gate().Allows(path, FieldAction.Read, subject))
            {
                throw Forbidden(context, $"{path} may not be read in task '{context.RequestContext().Task}'.");
            }

            context.Access().Add(path, subject.AtenaNumbers, myNumber: path == CatalogPaths.MyNumber);
        }
        else if (field.GetMetadata<string?>(EnforcementMetadata.CatalogRecord) is { } record)
        {
            if (!context.Gate().AllowsAny(record, Subject.Of(context.Source)))
            {
                throw Forbidden(context, $"no field of {record}.* may be read in task '{context.RequestContext().Task}'.");
            }
        }

        return next(context);
    }

    /// <summary>The error of a forbidden field; names the field, never a value.</summary>
    public static ExecutionError Forbidden(IResolveFieldContext context, string reason) =>
        HubErrors.Create(HubErrorCodes.FieldForbidden, $"Forbidden: {reason}");
}
