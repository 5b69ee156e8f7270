using System.Collections.Concurrent;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Messaging;

/// <summary>The outbox relay: each claim's messages in the order written, different claims' side by side.</summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private readonly FactCheckApp _app = new(TestStack.Embedded());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Each_claims_messages_go_out_in_order_and_a_slow_claim_does_not_hold_up_the_others()
    {
        Guid slow = Guid.NewGuid(), quick = Guid.NewGuid();
        var rows = new List<OutboxMessage>();
        for (var step = 0; step < 5; step++)
        {
            rows.Add(Returned(slow, step));
            rows.Add(Returned(quick, step));
        }

        var quickIds = rows.Where((_, i) => i % 2 == 1).Select(r => r.MessageId).ToHashSet();
        // The slow claim's first message is held until every message of the quick one has gone out:
        // a relay sending one message at a time would never get there.
        using var relay = new RelayRecorder(_app.Services.GetRequiredService<IBus>(), rows[0].MessageId, quickIds);
        await AddAsync(rows);

        var sent = await Eventually.Until(() => Task.FromResult(relay.Sent), s => s.Count >= rows.Count, what: "every row relayed");
        Assert.True(relay.QuickWentFirst, "the quick claim's messages waited behind the slow claim's");
        foreach (var claim in new[] { slow, quick })
        {
            var written = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(r => rows.Select(x => x.MessageId).Contains(r.MessageId)).ToListAsync());
            var expected = written.Where(r => r.Body.Contains(claim.ToString(), StringComparison.Ordinal)).OrderBy(r => r.Id).Select(r => r.MessageId);
            Assert.Equal(expected, sent.Where(m => expected.Contains(m)));
        }
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_waits_with_its_reason_and_the_rest_are_relayed()
    {
        var claim = Guid.NewGuid();
        var broken = new OutboxMessage(Guid.NewGuid(), MessageTypes.NameOf(typeof(VerdictReturned)), "{not json", DateTime.UtcNow);
        var good = Returned(claim, 0);
        await AddAsync([broken, good]);

        var stored = await Eventually.Until(
            () => _app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(r => r.MessageId == broken.MessageId || r.MessageId == good.MessageId).ToListAsync()),
            r => r.Single(x => x.MessageId == good.MessageId).DispatchedAt is not null && r.Single(x => x.MessageId == broken.MessageId).Attempts > 0,
            what: "the good row relayed and the broken one tried");
        var failed = stored.Single(r => r.MessageId == broken.MessageId);
        Assert.Null(failed.DispatchedAt);
        Assert.Contains("cannot be read as a", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0", failed.LastError, StringComparison.Ordinal); // the JSON reader's reason, kept
        Assert.True(failed.LockedUntil > DateTime.UtcNow, "a failed row waits out a back-off before it is tried again");
    }

    private static OutboxMessage Returned(Guid claim, int step) => new(
        Guid.NewGuid(),
        MessageTypes.NameOf(typeof(VerdictReturned)),
        JsonSerializer.Serialize(new VerdictReturned(claim, Guid.NewGuid(), $"step {step}", null), MessageTypes.Json),
        DateTime.UtcNow);

    private async Task AddAsync(IEnumerable<OutboxMessage> rows)
    {
        await _app.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        _app.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    /// <summary>Records the order messages are published in, holding one back until the given others have gone.</summary>
    private sealed class RelayRecorder : IPublishObserver, IDisposable
    {
        private readonly ConcurrentQueue<Guid> _sent = new();
        private readonly Guid _held;
        private readonly HashSet<Guid> _first;
        private readonly TaskCompletionSource _firstGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConnectHandle _handle;

        public RelayRecorder(IBus bus, Guid held, HashSet<Guid> first)
        {
            _held = held;
            _first = first;
            _handle = bus.ConnectPublishObserver(this);
        }

        public List<Guid> Sent => [.. _sent];

        public bool QuickWentFirst { get; private set; }

        public async Task PrePublish<T>(PublishContext<T> context)
            where T : class
        {
            if (context.MessageId == _held)
                QuickWentFirst = await Task.WhenAny(_firstGone.Task, Task.Delay(TimeSpan.FromSeconds(5))) == _firstGone.Task;
        }

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class
        {
            if (context.MessageId is { } id)
            {
                _sent.Enqueue(id);
                if (_first.All(_sent.Contains))
                    _firstGone.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;

        public void Dispose() => _handle.Disconnect();
    }
}
