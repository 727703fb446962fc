using BenchmarkDotNet.Running;
using Hub.Policy.Benchmarks;

if (args is ["compare"])
{
    return SideBySide.Run();
}

// In process: BenchmarkDotNet's generated project would sit under tests/ and inherit the test projects' props
// (a global `using Xunit`), which it cannot build.
BenchmarkSwitcher.FromAssembly(typeof(EnforceBenchmarks).Assembly).Run(args.Contains("--inProcess") ? args : [.. args, "--inProcess"]);
return 0;
