using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Tests.Support;

/// <summary>Builds enforcers from inline model and policy text.</summary>
internal static class Policies
{
    public const string Rbac = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [role_definition]
        g = _, _

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    public static Enforcer Create(string model, string policy, EnforcerOptions? options = null) =>
        new(PolicyModel.Parse(model), PolicyCsvReader.Parse(policy), options);
}
