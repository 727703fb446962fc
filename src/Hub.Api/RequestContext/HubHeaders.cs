using Hub.Capabilities.Requests;
namespace Hub.Api.RequestContext;

/// <summary>HTTP headers of the request context, and their keys under <c>extensions.hub</c>.</summary>
public static class HubHeaders
{
    /// <summary>事務コード.</summary>
    public const string Task = "X-Hub-Task";

    /// <summary>利用目的.</summary>
    public const string Purpose = "X-Hub-Purpose";

    /// <summary>案件.</summary>
    public const string Case = "X-Hub-Case";

    /// <summary>Terminal or client id.</summary>
    public const string Client = "X-Hub-Client";

    /// <summary>Key of the request context in a GraphQL request's <c>extensions</c>.</summary>
    public const string ExtensionsKey = "hub";
}
