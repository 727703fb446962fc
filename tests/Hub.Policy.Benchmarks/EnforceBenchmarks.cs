using BenchmarkDotNet.Attributes;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Benchmarks;

/// <summary>One decision on Casbin's RBAC benchmark shapes, Casbin's own request (e.g. user501, data9, read).</summary>
[MemoryDiagnoser]
public class EnforceBenchmarks
{
    private Enforcer _enforcer = null!;
    private string[] _request = [];

    [Params("small", "medium", "large")]
    public string Shape { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        var shape = RbacShape.All.Single(s => s.Name == Shape);
        _enforcer = new Enforcer(PolicyModel.Parse(RbacShape.Model), PolicyCsvReader.Parse(shape.Policy()));
        _request = shape.Requests(1)[0];
    }

    [Benchmark]
    public bool Enforce() => _enforcer.Enforce(_request);
}
