namespace FactCheck.Benchmarks;

/// <summary>Median, 99th percentile and maximum of a set of durations.</summary>
internal readonly record struct Spread(int Count, double P50, double P99, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? default : new Spread(sorted.Count, Harness.Percentile(sorted, 0.5), Harness.Percentile(sorted, 0.99), sorted[^1]);
    }

    public string Seconds() => FormattableString.Invariant($"p50 {P50,6:F1} s   p99 {P99,6:F1} s   max {Max,6:F1} s");

    public string Milliseconds() => FormattableString.Invariant($"p50 {P50,6:F0} ms  p99 {P99,6:F0} ms  max {Max,6:F0} ms");
}
