using BenchmarkDotNet.Attributes;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Benchmarks;

/// <summary>Parsing and loading the large shape (110,000 rules) and making the first decision (which builds the index).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _policy = string.Empty;

    [GlobalSetup]
    public void Setup() => _policy = RbacShape.All[2].Policy();

    [Benchmark]
    public bool LoadLargeAndDecide() =>
        new Enforcer(PolicyModel.Parse(RbacShape.Model), PolicyCsvReader.Parse(_policy)).Enforce("user50001", "data1500", "read");
}
