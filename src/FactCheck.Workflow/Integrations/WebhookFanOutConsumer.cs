using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Hangfire;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Integrations;

/// <summary>
/// Turns an event into a delivery per subscription that wants it, saved before its job is queued.
/// The (subscription, event) key makes a redelivered event a no-op; a job lost between the save
/// and the queue is picked up by <see cref="WebhookSender.SweepAsync"/>.
/// </summary>
public sealed class WebhookFanOutConsumer<TEvent>(FactCheckDbContext db, IBackgroundJobClient jobs, TimeProvider time, ILogger<WebhookFanOutConsumer<TEvent>> logger)
    : IConsumer<TEvent>
    where TEvent : class
{
    private static readonly WireNameAttribute Wire = WireNameAttribute.Of(typeof(TEvent))
        ?? throw new InvalidOperationException($"{typeof(TEvent).Name} is not a contract.");

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        // Paused subscriptions too: their deliveries wait until they are resumed.
        var subscriptions = (await db.WebhookSubscriptions.AsNoTracking().ToListAsync(context.CancellationToken))
            .Where(s => s.Wants(Wire.Name))
            .ToList();
        if (subscriptions.Count == 0)
            return;

        // Relayed events carry their outbox row's id; the same event always has the same id.
        var eventId = MessageIdentity.Of(context);
        var served = await db.WebhookDeliveries.Where(d => d.EventId == eventId).Select(d => d.SubscriptionId).ToListAsync(context.CancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var payload = WebhookPayload.Serialize(eventId, Wire.Name, Wire.Version, context.SentTime ?? now, context.Message);
        var deliveries = subscriptions
            .Where(s => !served.Contains(s.Id))
            .Select(s => new WebhookDelivery(s.Id, eventId, Wire.Name, payload, now))
            .ToList();
        if (deliveries.Count == 0)
            return;

        db.WebhookDeliveries.AddRange(deliveries);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex))
        {
            // A duplicate of the event got there first; retried, this copy adds only what that one missed.
            logger.LogInformation("A duplicate of event {EventId} created webhook deliveries first; retrying for the rest", eventId);
            db.ChangeTracker.Clear();
            throw;
        }

        foreach (var delivery in deliveries)
            jobs.Enqueue<WebhookSender>(s => s.DeliverAsync(delivery.Id, CancellationToken.None));
    }
}
