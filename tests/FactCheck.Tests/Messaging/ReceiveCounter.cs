using MassTransit;

namespace FactCheck.Tests.Messaging;

/// <summary>
/// Counts messages the queue of <typeparamref name="TConsumer"/> has finished with: its transaction
/// committed and the message acknowledged. A consume observer would not do: it also hears other
/// consumers of the type, and a batch consumer's messages count as consumed when they join a batch.
/// </summary>
public sealed class ReceiveCounter<TConsumer> : IReceiveObserver, IDisposable
    where TConsumer : class, IConsumer
{
    private readonly string _queue;
    private readonly ConnectHandle _handle;
    private int _count;

    public ReceiveCounter(IBus bus)
    {
        _queue = KebabCaseEndpointNameFormatter.Instance.Consumer<TConsumer>();
        _handle = bus.ConnectReceiveObserver(this);
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.InputAddress.AbsolutePath.EndsWith("/" + _queue, StringComparison.Ordinal))
            Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    public async Task WaitFor(int count) =>
        await FactCheck.Tests.Infrastructure.Eventually.Until(() => Task.FromResult(Volatile.Read(ref _count)), c => c >= count, what: $"{count} messages received from {_queue}");

    public void Dispose() => _handle.Disconnect();
}
