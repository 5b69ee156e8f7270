using System.Diagnostics;
using MassTransit;

namespace FactCheck.Benchmarks;

/// <summary>
/// Raw MassTransit publish + consume throughput of an empty message, on the same transport the
/// pipeline uses (RabbitMQ with publisher confirms, or in memory): the ceiling the pipeline is read against.
/// </summary>
internal static class RawBusBaseline
{
    public const int InFlight = 100;
    private const int Warmup = 1000;

    /// <param name="rabbitMq">A virtual host of its own; null: the in-memory transport.</param>
    public static async Task<BaselineResult> RunAsync(Uri? rabbitMq, int messages)
    {
        var counter = new EmptyMessageCounter();
        var bus = rabbitMq is null
            ? Bus.Factory.CreateUsingInMemory(cfg => cfg.ReceiveEndpoint("raw-baseline", e => e.Consumer(() => counter)))
            : Bus.Factory.CreateUsingRabbitMq(cfg =>
            {
                cfg.Host(rabbitMq);
                cfg.ReceiveEndpoint("raw-baseline", e => e.Consumer(() => counter));
            });
        await bus.StartAsync();
        try
        {
            await PublishAndConsumeAsync(bus, counter, Warmup, InFlight);
            var concurrent = await PublishAndConsumeAsync(bus, counter, messages, InFlight);
            var sequentialMessages = Math.Max(1000, messages / 4);
            var sequential = await PublishAndConsumeAsync(bus, counter, sequentialMessages, 1);
            return new BaselineResult(messages, messages / concurrent, sequentialMessages, sequentialMessages / sequential);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    /// <summary>Seconds from the first publish until the consumer has seen every message.</summary>
    private static async Task<double> PublishAndConsumeAsync(IBusControl bus, EmptyMessageCounter counter, int count, int inFlight)
    {
        var consumed = counter.Expect(count);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = inFlight },
            async (_, ct) => await bus.Publish(new EmptyMessage(), ct));
        await consumed.WaitAsync(TimeSpan.FromMinutes(5));
        return clock.Elapsed.TotalSeconds;
    }

    private sealed class EmptyMessageCounter : IConsumer<EmptyMessage>
    {
        private int _remaining;
        private TaskCompletionSource _done = new();

        public Task Expect(int count)
        {
            _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _remaining, count);
            return _done.Task;
        }

        public Task Consume(ConsumeContext<EmptyMessage> context)
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
                _done.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
