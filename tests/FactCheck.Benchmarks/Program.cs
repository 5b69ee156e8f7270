using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FactCheck.Benchmarks.DetectionBenchmarks).Assembly).Run(args);
