using BenchmarkDotNet.Running;
using FactCheck.Benchmarks;

if (args is ["ui", .. var rest])
    return await UiHarness.RunAsync(rest);
if (args is ["pipeline", .. var options])
    return await PipelineHarness.RunAsync(options);
if (args is ["api-load", .. var loadArgs])
    return await ApiLoadHarness.RunAsync(loadArgs);
if (args is ["durability", .. var durabilityArgs])
    return await DurabilityHarness.RunAsync(durabilityArgs);
if (args is ["scale", .. var scaleArgs])
    return await ScaleHarness.RunAsync(scaleArgs);

BenchmarkSwitcher.FromAssembly(typeof(DetectionBenchmarks).Assembly).Run(args);
return 0;
