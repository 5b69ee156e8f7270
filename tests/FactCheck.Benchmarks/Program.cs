using BenchmarkDotNet.Running;
using FactCheck.Benchmarks;

if (args is ["ui", .. var rest])
    return await UiHarness.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(typeof(DetectionBenchmarks).Assembly).Run(args);
return 0;
