namespace FactCheck.Benchmarks;

/// <param name="Concurrent">Messages per second with <see cref="RawBusBaseline.InFlight"/> publishes in flight.</param>
/// <param name="Sequential">Messages per second awaiting each publish, as the service's outbox relay does.</param>
internal sealed record BaselineResult(int Messages, double Concurrent, int SequentialMessages, double Sequential)
{
    /// <summary>The yardstick: what the bus does at best, whichever way it is driven.</summary>
    public double Best => Math.Max(Concurrent, Sequential);
}
