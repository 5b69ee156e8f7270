using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Jobs;

/// <summary>Recurring: forgets relayed outbox rows and old inbox keys once no redelivery can still arrive.</summary>
public sealed class CleanupJob(FactCheckDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - Retention;
        await db.Outbox.Where(m => m.DispatchedAt != null && m.DispatchedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.Inbox.Where(i => i.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
