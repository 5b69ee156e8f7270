using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Assignment;

/// <summary>
/// Gives newly queued claims to reviewers, a batch at a time: one read of the reviewers' loads and
/// one transaction place many claims. A claim nobody can take stays queued for the sweep or "take next".
/// </summary>
public sealed class AssignClaimConsumer(FactCheckDbContext db, ClaimAssigner assigner, WorkflowMetrics metrics, OutboxSignal outbox, TimeProvider time, ILogger<AssignClaimConsumer> logger)
    : IdempotentBatchConsumer<ClaimQueued>(db, outbox, time, logger)
{
    private int _taken;

    protected override async Task Handle(IReadOnlyList<ConsumeContext<ClaimQueued>> messages, CancellationToken cancellationToken)
    {
        var ids = messages.Select(m => m.Message.ClaimId).Distinct().ToList();
        var claims = await Db.Claims.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        foreach (var missing in ids.Except(claims.Select(c => c.Id)))
            logger.LogWarning("Claim {ClaimId} from ClaimQueued does not exist; nothing to assign", missing);

        _taken = claims.Count;
        var placed = await assigner.AssignAsync(claims, cancellationToken);
        logger.LogDebug("Placed {Placed} of {Count} queued claims", placed, claims.Count);
    }

    // A batch retried after a conflict counts once, when it commits.
    protected override void Committed() => metrics.AssignmentBatch(_taken);
}
