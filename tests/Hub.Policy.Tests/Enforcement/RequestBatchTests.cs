using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Enforcement;

public sealed class RequestBatchTests
{
    private static string Run(string model, string policy, string requests)
    {
        using var output = new StringWriter();
        RequestBatch.Run(PolicyModel.Parse(model), PolicyCsvReader.Parse(policy), requests, output);
        return output.ToString();
    }

    [Fact]
    public void Run_ArrayOfRequests_OneLinePerRequestWithErrorsInPlace()
    {
        var lines = Run(Policies.Rbac, "p, alice, data1, read\ng, bob, alice", """[["bob","data1","read"],["bob","data1"],"oops",["carol","data1","read"]]""").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.Equal("""{"allowed":true,"explain":["alice","data1","read"]}""", lines[0]);
        Assert.StartsWith("""{"error":"invalid request size""", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("""{"error":""", lines[2], StringComparison.Ordinal);
        Assert.Equal("""{"allowed":false,"explain":[]}""", lines[3]);
    }

    [Fact]
    public void Run_OptionsObject_AppliesMatchingFunctions()
    {
        var requests = """{"options": {"matchingFunc": {"g": "keyMatch2"}}, "requests": [["/user/7","data1","read"]]}""";

        var line = Run(Policies.Rbac, "p, admin, data1, read\ng, /user/:id, admin", requests).Trim();

        Assert.Equal("""{"allowed":true,"explain":["admin","data1","read"]}""", line);
    }

    [Fact]
    public void Run_AbacObjectsAndJapanese_WrittenUnescaped()
    {
        var model = "[request_definition]\nr = sub, obj\n[policy_definition]\np = obj, basis\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = r.sub.Age >= 18 && r.obj == p.obj";

        var line = Run(model, "p, 住民票, 住民基本台帳法", """[[{"Age": 20}, "住民票"]]""").Trim();

        Assert.Equal("""{"allowed":true,"explain":["住民票","住民基本台帳法"]}""", line);
    }
}
