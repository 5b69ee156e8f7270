using MassTransit;

namespace FactCheck.Tests.Messaging;

/// <summary>Counts messages of a type that consumers have finished with (after their transaction committed).</summary>
public sealed class ConsumeCounter<T> : IConsumeMessageObserver<T>, IDisposable
    where T : class
{
    private readonly ConnectHandle _handle;
    private int _count;

    public ConsumeCounter(IBus bus) => _handle = bus.ConnectConsumeMessageObserver(this);

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    public async Task WaitFor(int count) =>
        await FactCheck.Tests.Infrastructure.Eventually.Until(() => Task.FromResult(Volatile.Read(ref _count)), c => c >= count, what: $"{count} {typeof(T).Name} consumed");

    public void Dispose() => _handle.Disconnect();
}
