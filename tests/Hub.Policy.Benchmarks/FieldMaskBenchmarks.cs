using BenchmarkDotNet.Attributes;
using Hub.Policy.Masks;

namespace Hub.Policy.Benchmarks;

/// <summary>A warm <see cref="FieldMask"/>: the cached mask of one user and task answering a ten-field GraphQL selection.</summary>
[MemoryDiagnoser]
public class FieldMaskBenchmarks
{
    private static readonly string[] Selection =
    [
        "resident.name", "resident.nameKana", "resident.birthDate", "resident.sex", "resident.address",
        "resident.myNumber", "household.members", "tax.taxableIncome", "nhi.insuredNumber", "childAllowance.monthlyAmount",
    ];

    private FieldMaskCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cache = HubDefaultPolicy.CreateCache();
        _cache.Get("demo-child-clerk", "child-allowance");
    }

    [Benchmark]
    public int WarmMaskTenFields()
    {
        var mask = _cache.Get("demo-child-clerk", "child-allowance");
        var allowed = 0;
        foreach (var field in Selection)
        {
            allowed += mask.Allows(field) ? 1 : 0;
        }

        return allowed;
    }
}
