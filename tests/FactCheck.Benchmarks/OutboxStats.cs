namespace FactCheck.Benchmarks;

/// <param name="Waiting">Rows of the phase not yet relayed when it ended.</param>
internal sealed record OutboxStats(int Written, int Waiting, Spread Delay, double RelayedPerSecond, double PeakPerSecond)
{
    public string Describe() => FormattableString.Invariant(
        $"{Written:N0} written, {Waiting:N0} still waiting; relayed {RelayedPerSecond:F0}/s (best 10 s: {PeakPerSecond:F0}/s)");
}
