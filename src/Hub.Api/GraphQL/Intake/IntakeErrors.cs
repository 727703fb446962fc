using GraphQL;
using Hub.Api.GraphQL.Errors;
using Hub.Capabilities.Intake;

namespace Hub.Api.GraphQL.Intake;

/// <summary>Intake's refusals as GraphQL errors: the code, the argument at fault, a message naming no value.</summary>
internal static class IntakeErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (IntakeException e)
        {
            throw ToError(e);
        }
    }

    public static ExecutionError ToError(IntakeException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Code == IntakeErrorCode.BadInput && e.Field is not null)
        {
            return HubErrors.BadUserInput(e.Field, e.Message.TrimEnd('.'));
        }

        var error = HubErrors.Create(e.Code switch
        {
            IntakeErrorCode.Conflict => HubErrorCodes.Conflict,
            IntakeErrorCode.Unprocessable => HubErrorCodes.Unprocessable,
            IntakeErrorCode.InvalidTransition => HubErrorCodes.InvalidTransition,
            IntakeErrorCode.Forbidden => HubErrorCodes.FieldForbidden,
            IntakeErrorCode.NotFound => HubErrorCodes.NotFound,
            IntakeErrorCode.LimitExceeded => HubErrorCodes.LimitExceeded,
            _ => HubErrorCodes.BadUserInput,
        }, e.Code == IntakeErrorCode.Forbidden ? "Forbidden: " + e.Message : e.Message);
        if (e.Field is not null)
        {
            error.Extensions ??= new Dictionary<string, object?>();
            error.Extensions["argument"] = e.Field;
        }

        return error;
    }
}
