using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Assignment;

/// <summary>Gives every newly queued claim to a reviewer. A claim nobody can take stays queued for the sweep or "take next".</summary>
public sealed class AssignClaimConsumer(FactCheckDbContext db, ClaimAssigner assigner, OutboxSignal outbox, TimeProvider time, ILogger<AssignClaimConsumer> logger)
    : IdempotentConsumer<ClaimQueued>(db, outbox, time, logger)
{
    protected override async Task Handle(ConsumeContext<ClaimQueued> context)
    {
        var claim = await Db.Claims.FirstOrDefaultAsync(c => c.Id == context.Message.ClaimId, context.CancellationToken);
        if (claim is null)
        {
            logger.LogWarning("Claim {ClaimId} from ClaimQueued does not exist; nothing to assign", context.Message.ClaimId);
            return;
        }

        await assigner.AssignAsync([claim], context.CancellationToken);
    }
}
