using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Jobs;

/// <summary>Recurring: raises the priority of open claims near their due date and flags overdue ones.</summary>
public sealed class SlaJob(FactCheckDbContext db, IOptions<WorkflowOptions> options, TimeProvider time)
{
    /// <summary>
    /// Claims whose clock is running: all but the finished and the not yet triaged. Named rather than
    /// excluded, so the status index finds the few open claims among a million closed ones (NOT IN read them all).
    /// </summary>
    private static readonly ClaimStatus[] OnTheClock = Enum.GetValues<ClaimStatus>()
        .Except([ClaimStatus.Published, ClaimStatus.Dismissed, ClaimStatus.Split, ClaimStatus.New]).ToArray();

    public async Task<(int Escalated, int Overdue)> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var soon = now + options.Value.NearDueWindow;
        var claims = await db.Claims
            .Where(c => OnTheClock.Contains(c.Status) && ((!c.IsEscalated && c.DueAt <= soon) || (!c.IsOverdue && c.DueAt <= now)))
            .OrderBy(c => c.DueAt)
            .Take(500)
            .ToListAsync(cancellationToken);

        int escalated = 0, overdue = 0;
        foreach (var claim in claims)
        {
            if (!claim.IsEscalated)
            {
                claim.Escalate(options.Value.EscalationPriorityRaise, now);
                escalated++;
            }

            if (!claim.IsOverdue && claim.DueAt <= now)
            {
                claim.MarkOverdue(now);
                overdue++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (escalated, overdue);
    }
}
