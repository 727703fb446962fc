using System.Text;

namespace Hub.Policy.Benchmarks;

/// <summary>
/// Casbin's RBAC benchmark shapes (casbin/casbin <c>model_b_test.go</c>): <c>roles</c> groups, each allowed to read one
/// of <c>roles/10</c> resources (<c>p, groupI, data(I/10), read</c>), and ten users per group
/// (<c>g, userJ, group(J/10)</c>).
/// </summary>
public sealed record RbacShape(string Name, int Roles)
{
    public static readonly RbacShape[] All = [new("small", 100), new("medium", 1_000), new("large", 10_000)];

    public const string Model = """
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

    public int Users => Roles * 10;

    public int RuleCount => Roles + Users;

    public string Policy()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Roles; i++)
        {
            sb.Append("p, group").Append(i).Append(", data").Append(i / 10).Append(", read\n");
        }

        for (var j = 0; j < Users; j++)
        {
            sb.Append("g, user").Append(j).Append(", group").Append(j / 10).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Casbin's own request (e.g. user501, data9, read for small) plus a seeded mix of allowed and denied requests.</summary>
    public IReadOnlyList<string[]> Requests(int count = 64)
    {
        var random = new Random(42);
        var canonical = Roles switch { 100 => "data9", 1_000 => "data150", _ => "data1500" };
        var requests = new List<string[]> { new[] { "user" + (Users / 2 + 1), canonical, "read" } };
        while (requests.Count < count)
        {
            var user = random.Next(Users);
            var data = random.Next(2) == 0 ? user / 100 : random.Next(Roles / 10);
            requests.Add(["user" + user, "data" + data, random.Next(4) == 0 ? "write" : "read"]);
        }

        return requests;
    }
}
