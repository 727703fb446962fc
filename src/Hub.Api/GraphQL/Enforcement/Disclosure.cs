using Hub.Capabilities.Requests;
using GraphQL;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Enforcement;

/// <summary>
/// Facts used to decide are disclosures (判断に使った項目も開示): a resolver whose answer depends on catalog paths it does not
/// return (a filter, an order, a count, a choice of record) requires the caller's task to be allowed those paths with the
/// action that applies, and names them in the request's access record.
/// </summary>
internal static class Disclosure
{
    /// <summary>
    /// Throws FIELD_FORBIDDEN naming the first path of <paramref name="paths"/> the task may not use for
    /// <paramref name="action"/> (<paramref name="what"/> says what needed it); otherwise notes every path for the
    /// access record with the residents <paramref name="subject"/> names.
    /// </summary>
    public static void Require(IResolveFieldContext context, IEnumerable<string> paths, FieldAction action, Subject subject, string what)
    {
        var gate = context.Gate();
        var list = paths as IReadOnlyCollection<string> ?? [.. paths];
        foreach (var path in list)
        {
            if (!gate.Allows(path, action, subject))
            {
                throw FieldEnforcementMiddleware.Forbidden(context, $"{what} needs '{Verb(action)}' on {path} in task '{context.RequestContext().Task}'.");
            }
        }

        foreach (var path in list)
        {
            context.Access().Add(path, subject.AtenaNumbers, myNumber: path == CatalogPaths.MyNumber);
        }
    }

    private static string Verb(FieldAction action) => action.ToString().ToLowerInvariant();
}
