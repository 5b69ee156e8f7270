using FactCheck.Contracts;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// Knows when a relayed message can no longer be lost. The in-memory bus forgets what it holds when
/// the process stops, so there a relayed row settles only once every consumer with an inbox has
/// committed it and the webhook fan-out has made its deliveries; what was relayed and never settled
/// is relayed again at start-up, and the inboxes drop the copies already handled.
/// </summary>
public sealed class OutboxSettlement
{
    /// <summary>Outbox message type → the inbox consumers that must commit it.</summary>
    private readonly Dictionary<string, string[]> _consumers;

    /// <summary>Outbox message type → the event name webhook subscriptions ask for.</summary>
    private readonly Dictionary<string, string> _webhookEvents;

    public OutboxSettlement(IEnumerable<Type> inboxConsumers)
    {
        _consumers = inboxConsumers
            .SelectMany(consumer => ConsumedTypes(consumer).Select(message => (Message: MessageTypes.NameOf(message), Consumer: InboxConsumer.NameOf(consumer))))
            .GroupBy(x => x.Message)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Consumer).Distinct().ToArray());
        _webhookEvents = WebhookFanOut.EventTypes.ToDictionary(MessageTypes.NameOf, t => WireNameAttribute.Of(t)!.Name);
    }

    /// <summary>The inbox consumers that must commit a message of this outbox type before it settles.</summary>
    public IReadOnlyList<string> ConsumersOf(string messageType) => _consumers.GetValueOrDefault(messageType, []);

    /// <summary>Marks the relayed rows whose consumers have all committed; returns how many.</summary>
    public async Task<int> SettleAsync(FactCheckDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var pendingTypes = await Relayed(db).Select(m => m.MessageType).Distinct().ToListAsync(cancellationToken);
        if (pendingTypes.Count == 0)
            return 0;

        // The fan-out writes nothing for an event no subscription wants: such events have nothing to wait for.
        var wanted = (await db.WebhookSubscriptions.AsNoTracking().Select(s => s.Events).ToListAsync(cancellationToken)).SelectMany(e => e).ToHashSet();
        var settled = 0;
        foreach (var type in pendingTypes)
        {
            var rows = Relayed(db).Where(m => m.MessageType == type);
            foreach (var consumer in ConsumersOf(type))
                rows = rows.Where(m => db.Inbox.Any(i => i.MessageId == m.MessageId && i.Consumer == consumer));
            if (_webhookEvents.TryGetValue(type, out var eventName) && wanted.Contains(eventName))
                rows = rows.Where(m => db.WebhookDeliveries.Any(d => d.EventId == m.MessageId));
            settled += await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.SettledAt, now), cancellationToken);
        }

        return settled;
    }

    /// <summary>
    /// Start-up over the in-memory bus: settles what was committed, then hands every row relayed but
    /// not settled back to the relay. Returns how many go again.
    /// </summary>
    public async Task<int> ReplayUnsettledAsync(FactCheckDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        await SettleAsync(db, now, cancellationToken);
        return await Relayed(db).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.DispatchedAt, (DateTime?)null).SetProperty(m => m.LockedBy, (Guid?)null).SetProperty(m => m.LockedUntil, (DateTime?)null),
            cancellationToken);
    }

    private static IQueryable<OutboxMessage> Relayed(FactCheckDbContext db) =>
        db.Outbox.Where(m => m.DispatchedAt != null && m.SettledAt == null);

    private static IEnumerable<Type> ConsumedTypes(Type consumer) =>
        consumer.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .Select(m => m.IsGenericType && m.GetGenericTypeDefinition() == typeof(Batch<>) ? m.GetGenericArguments()[0] : m);
}
