using BenchmarkDotNet.Running;
using Hub.Policy.Benchmarks;

if (args is ["compare"])
{
    return SideBySide.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(EnforceBenchmarks).Assembly).Run(args);
return 0;
