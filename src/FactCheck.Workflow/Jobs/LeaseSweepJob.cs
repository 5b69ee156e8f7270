using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Jobs;

/// <summary>
/// Recurring: returns claims whose lease ran out to the queue, then places every queued claim it
/// can. Works from the database's state, so a missed run or a lost message loses nothing.
/// </summary>
public sealed class LeaseSweepJob(FactCheckDbContext db, ClaimAssigner assigner, OutboxSignal outbox, TimeProvider time, ILogger<LeaseSweepJob> logger)
{
    public const int BatchSize = 200;

    public async Task<(int Expired, int Assigned)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = await db.Claims
            .Where(c => ClaimAssigner.LeasedStatuses.Contains(c.Status) && c.LeaseExpiresAt <= now)
            .OrderBy(c => c.LeaseExpiresAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var claim in expired)
            claim.Release(null, $"lease of {claim.AssigneeId} expired", now);

        var queued = await db.Claims
            .Where(c => c.Status == ClaimStatus.Queued)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var assigned = await assigner.AssignAsync([.. queued, .. expired], cancellationToken);

        // A claim changed by a reviewer meanwhile fails the version check; the next run retries it.
        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
        if (expired.Count > 0 || assigned > 0)
            logger.LogInformation("Lease sweep: {Expired} leases expired, {Assigned} claims assigned", expired.Count, assigned);
        return (expired.Count, assigned);
    }
}
