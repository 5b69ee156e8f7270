using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Jobs;

/// <summary>
/// Recurring: returns claims whose lease ran out to the queue, then places every queued claim it
/// can. Works from the database's state, so a missed run or a lost message loses nothing. Each
/// claim is saved on its own: one that a reviewer or a consumer changed meanwhile fails its version
/// check, is left alone, and is looked at again by the next run.
/// </summary>
public sealed class LeaseSweepJob(FactCheckDbContext db, ClaimAssigner assigner, OutboxSignal outbox, TimeProvider time, ILogger<LeaseSweepJob> logger)
{
    public const int BatchSize = 200;

    public async Task<(int Expired, int Assigned)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expiredIds = await db.Claims
            .Where(c => ClaimLifecycle.LeasedStatuses.Contains(c.Status) && c.LeaseExpiresAt <= now)
            .OrderBy(c => c.LeaseExpiresAt)
            .Select(c => new { c.Id, c.ArticleId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var queuedIds = await db.Claims
            .Where(c => assigner.AutoAssign && c.Status == ClaimStatus.Queued)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt)
            .Select(c => new { c.Id, c.ArticleId })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var work = expiredIds.Concat(queuedIds).DistinctBy(c => c.Id).ToList();
        if (work.Count == 0)
            return (0, 0);

        var loads = await assigner.LoadsAsync(cancellationToken);
        var authors = await assigner.AuthorsAsync(work.Select(c => c.ArticleId), cancellationToken);
        int expired = 0, assigned = 0;
        foreach (var item in work)
        {
            db.ChangeTracker.Clear();
            var claim = await db.Claims.FirstOrDefaultAsync(c => c.Id == item.Id, cancellationToken);
            if (claim is null)
                continue;
            var released = claim.LeaseExpired(now);
            var previous = claim.AssigneeId;
            if (released)
                claim.Release(null, $"lease of {previous} expired", now);
            var placedWith = claim.Status == ClaimStatus.Queued ? assigner.Place(claim, authors, loads, released ? previous : null) : null;
            if (!released && placedWith is null)
                continue;

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                expired += released ? 1 : 0;
                assigned += placedWith is null ? 0 : 1;
            }
            catch (DbUpdateConcurrencyException)
            {
                if (placedWith is not null)
                    loads[placedWith] = loads[placedWith] with { ActiveClaims = loads[placedWith].ActiveClaims - 1 };
            }
        }

        outbox.Notify();
        if (expired > 0 || assigned > 0)
            logger.LogInformation("Lease sweep: {Expired} leases expired, {Assigned} claims assigned", expired, assigned);
        return (expired, assigned);
    }
}
