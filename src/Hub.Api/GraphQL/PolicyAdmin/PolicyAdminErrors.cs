using GraphQL;
using Hub.Api.GraphQL.Errors;
using Hub.Policy.Administration;

namespace Hub.Api.GraphQL.PolicyAdmin;

/// <summary>Runs a policy administration call and turns its refusals into GraphQL errors with hub codes.</summary>
internal static class PolicyAdminErrors
{
    public static async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (PolicyPublicationException e)
        {
            var error = HubErrors.Create(HubErrorCodes.PolicyRejected, $"Version {e.Version} was not published: it does not check. The version in force stays.");
            error.Extensions = new Dictionary<string, object?> { ["diagnostics"] = e.Errors.Select(d => d.ToString()).ToList() };
            throw error;
        }
        catch (PolicyDraftRejectedException e)
        {
            var error = HubErrors.Create(HubErrorCodes.PolicyRejected, $"Draft {e.Version} does not parse or check, so there is nothing to preview; see extensions.diagnostics.");
            error.Extensions = new Dictionary<string, object?> { ["diagnostics"] = e.Errors.Select(d => d.ToString()).ToList() };
            throw error;
        }
        catch (PolicyReviewException e)
        {
            var error = HubErrors.Create(HubErrorCodes.PolicyReviewRefused, $"Refused for version {e.Version}: {e.Problems[0]}");
            error.Extensions = new Dictionary<string, object?> { ["problems"] = e.Problems.ToList() };
            throw error;
        }
        catch (PolicyReasonException)
        {
            throw HubErrors.BadUserInput("reason", "is empty: every policy change is recorded with why it was made");
        }
        catch (PolicyVersionConflictException e)
        {
            throw HubErrors.Create(HubErrorCodes.PolicyConflict, e.Message);
        }
        catch (KeyNotFoundException e)
        {
            throw HubErrors.Create(HubErrorCodes.NotFound, e.Message);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("not a draft", StringComparison.Ordinal))
        {
            throw new ExecutionError(e.Message) { Code = "BAD_USER_INPUT" };
        }
        catch (Exception e) when (e is Hub.Policy.Model.PolicyFormatException or FormatException)
        {
            throw new ExecutionError($"The draft does not parse: {e.Message}") { Code = "BAD_USER_INPUT" };
        }
    }
}
