namespace FactCheck.Tests.Infrastructure;

/// <summary>Waits for asynchronous work (consumers, the outbox) to reach a state, or fails with what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        T last;
        while (true)
        {
            last = await probe();
            if (done(last))
                return last;
            if (DateTime.UtcNow > deadline)
                break;
            await Task.Delay(50);
        }

        Assert.Fail($"Timed out waiting for {what ?? "the condition"}; last value: {last}");
        return last;
    }
}
