using Hub.Policy.Roles;

namespace Hub.Policy.Matchers;

/// <summary>What a compiled matcher reads while deciding: the request values, the current policy row and the role graphs.</summary>
internal sealed class EvaluationFrame(object?[] request, RoleGraph[] roles)
{
    public object?[] Request { get; } = request;

    public IReadOnlyList<string> Policy { get; set; } = [];

    public RoleGraph[] Roles { get; } = roles;
}
