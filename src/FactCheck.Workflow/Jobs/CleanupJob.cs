using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Jobs;

/// <summary>
/// Recurring: forgets settled outbox rows and old inbox keys once no redelivery can still arrive, the
/// answers kept for Idempotency-Keys once no client retry is expected, and webhook deliveries (with
/// their attempt logs) once they are a month old and settled.
/// </summary>
public sealed class CleanupJob(FactCheckDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    public static readonly TimeSpan DeliveryLogRetention = TimeSpan.FromDays(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - Retention;
        await db.Outbox.Where(m => m.SettledAt != null && m.SettledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Inbox.Where(i => i.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var logCutoff = time.GetUtcNow().UtcDateTime - DeliveryLogRetention;
        await db.WebhookDeliveries.Where(d => d.State != DeliveryState.Pending && d.CreatedAt < logCutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
