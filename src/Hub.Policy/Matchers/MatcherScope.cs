namespace Hub.Policy.Matchers;

/// <summary>The names a matcher may use: the request and policy types it is compiled for, their tokens, and the role types.</summary>
internal sealed record MatcherScope(
    string RequestType,
    IReadOnlyList<string> RequestTokens,
    string PolicyType,
    IReadOnlyList<string> PolicyTokens,
    IReadOnlyList<string> RoleTypes)
{
    /// <summary>Resolves <c>r.sub</c>, <c>r_sub</c>, <c>r.sub.Age</c>, <c>p.obj</c> … to a token.</summary>
    public bool TryResolve(IReadOnlyList<string> segments, out bool isRequest, out int index, out IReadOnlyList<string> attributes)
    {
        isRequest = false;
        index = -1;
        attributes = [];
        var head = segments[0];
        string? token = null;
        var rest = 1;
        if ((head == RequestType || head == PolicyType) && segments.Count >= 2)
        {
            isRequest = head == RequestType;
            token = segments[1];
            rest = 2;
        }
        else if (head.StartsWith(RequestType + "_", StringComparison.Ordinal))
        {
            isRequest = true;
            token = head[(RequestType.Length + 1)..];
        }
        else if (head.StartsWith(PolicyType + "_", StringComparison.Ordinal))
        {
            token = head[(PolicyType.Length + 1)..];
        }

        if (token is null)
        {
            return false;
        }

        index = (isRequest ? RequestTokens : PolicyTokens).ToList().IndexOf(token);
        attributes = segments.Skip(rest).ToArray();
        return index >= 0;
    }
}
