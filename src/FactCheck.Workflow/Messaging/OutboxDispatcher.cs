using System.Text.Json;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// Relays outbox rows to the bus in the order they were written. Several instances may run: each
/// takes a batch by stamping it with a lock that expires, so a crashed instance's batch is picked
/// up again. A row is marked dispatched only after the broker accepted it; relaying it twice is
/// harmless because it keeps its MessageId and consumers have an inbox. Over the in-memory bus a
/// relayed row also waits to be settled (<see cref="OutboxSettlement"/>), and what never settled
/// before the last stop is relayed again when this starts.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBus bus,
    BusOptions options,
    OutboxSettlement settlement,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    // Large, because each batch waits for its slowest subject: smaller batches trail a busy desk (BENCHMARKS.md).
    public const int BatchSize = 500;
    private static readonly TimeSpan LockDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>A publish waiting on a connection the broker dropped can wait forever: after this it counts as failed and is tried again.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(1);

    private DateTime _lastSettled;

    /// <summary>A broker keeps what it accepted; the in-memory bus loses it with the process.</summary>
    private bool BusKeepsMessages => options.Transport != BusTransport.InMemory;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!BusKeepsMessages)
            await ReplayUnsettledAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!BusKeepsMessages)
                    await SettleAsync(stoppingToken);
                if (await DispatchBatchAsync(stoppingToken) == BatchSize)
                    continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; retrying shortly");
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>What the last process relayed over the in-memory bus and nobody committed goes again.</summary>
    private async Task ReplayUnsettledAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FactCheckDbContext>();
                var replayed = await settlement.ReplayUnsettledAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
                if (replayed > 0)
                    logger.LogWarning("{Count} outbox messages were relayed to the in-memory bus before the last stop and not handled; relaying them again", replayed);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < 10)
            {
                // Nothing may be relayed before the replay: a fresh row relayed first would be replayed as lost.
                logger.LogWarning(ex, "Could not look for unsettled outbox messages (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
        }
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - _lastSettled < SettleInterval)
            return;
        _lastSettled = now;
        await using var scope = scopes.CreateAsyncScope();
        await settlement.SettleAsync(scope.ServiceProvider.GetRequiredService<FactCheckDbContext>(), now, cancellationToken);
    }

    /// <summary>Relays one batch; returns how many messages it took.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FactCheckDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        var candidates = await db.Outbox
            .Where(m => m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return 0;

        var token = Guid.NewGuid();
        var lockedUntil = now + LockDuration;
        await db.Outbox
            .Where(m => candidates.Contains(m.Id) && m.DispatchedAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, token).SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);

        var batch = await db.Outbox.Where(m => m.LockedBy == token).OrderBy(m => m.Id).ToListAsync(cancellationToken);

        // One subject's messages go out one after another, in the order written; different claims'
        // go out side by side, or the relay falls behind a busy desk.
        await Task.WhenAll(batch
            .Select(Outgoing.Read)
            .GroupBy(m => m.Body is { } body ? MessageTypes.SubjectOf(body) : null)
            .Select(subject => RelayInOrderAsync(subject, cancellationToken)));

        var waiting = batch.Where(r => r.DispatchedAt is null).ToList();
        if (waiting.Count > 0)
        {
            // Most likely the broker is away for every subject: what was not relayed waits out one back-off.
            var retryAt = now + TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Clamp(waiting.Max(r => r.Attempts), 1, 6)));
            foreach (var row in waiting)
                row.LockedUntil = retryAt;
        }

        foreach (var row in batch)
        {
            row.LockedBy = null;
            if (row.DispatchedAt is not null)
                row.LockedUntil = null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return batch.Count;
    }

    /// <summary>Relays a subject's messages in order, stopping at the first that fails: the rest wait with it.</summary>
    private async Task RelayInOrderAsync(IEnumerable<Outgoing> subject, CancellationToken cancellationToken)
    {
        foreach (var (row, type, body, unreadable) in subject)
        {
            try
            {
                if (unreadable is not null)
                    throw new InvalidOperationException($"Outbox message {row.MessageId} cannot be read as a {row.MessageType}: {unreadable.Message}", unreadable);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                await bus.Publish(body!, type!, ctx => ctx.MessageId = row.MessageId, timeout.Token);
                row.DispatchedAt = time.GetUtcNow().UtcDateTime;
                if (BusKeepsMessages)
                    row.SettledAt = row.DispatchedAt;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                row.Attempts++;
                row.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                logger.LogWarning(ex, "Could not relay outbox message {MessageId} ({Type}), attempt {Attempt}", row.MessageId, row.MessageType, row.Attempts);
                return;
            }
        }
    }

    /// <summary>An outbox row read back as its message, or why it cannot be.</summary>
    private readonly record struct Outgoing(OutboxMessage Row, Type? Type, object? Body, Exception? Unreadable)
    {
        public static Outgoing Read(OutboxMessage row)
        {
            try
            {
                var type = MessageTypes.Resolve(row.MessageType);
                var body = JsonSerializer.Deserialize(row.Body, type, MessageTypes.Json) ?? throw new JsonException("The body is JSON null.");
                return new(row, type, body, null);
            }
            catch (Exception ex) when (ex is InvalidOperationException or JsonException or NotSupportedException)
            {
                return new(row, null, null, ex);
            }
        }
    }
}
