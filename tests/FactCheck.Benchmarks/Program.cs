using BenchmarkDotNet.Running;
using FactCheck.Benchmarks;

if (args is ["ui", .. var rest])
    return await UiHarness.RunAsync(rest);
if (args is ["pipeline", .. var options])
    return await PipelineHarness.RunAsync(options);

BenchmarkSwitcher.FromAssembly(typeof(DetectionBenchmarks).Assembly).Run(args);
return 0;
