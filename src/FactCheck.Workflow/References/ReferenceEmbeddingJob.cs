using FactCheck.Detection;
using FactCheck.Workflow.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.References;

/// <summary>
/// Computes the sentence embedding of imported verified claims, a batch per transaction, so that an
/// import of 100,000 claims answers at once and a stop loses at most one batch of work (the next
/// run picks up every claim still without one).
/// </summary>
public sealed class ReferenceEmbeddingJob(FactCheckDbContext db, ICheckWorthinessModel model, ILogger<ReferenceEmbeddingJob> logger)
{
    public const int BatchSize = 64;

    /// <summary>Embeds every verified claim that has no embedding yet; returns how many it embedded.</summary>
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var embedded = 0;
        while (true)
        {
            var batch = await db.ReferenceClaims.Where(r => r.Embedding == null).OrderBy(r => r.ImportedAt).ThenBy(r => r.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            var vectors = model.Embed([.. batch.Select(r => r.Text)]);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Embed(ClaimSimilarity.ToBytes(vectors[i]));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            embedded += batch.Count;
        }

        if (embedded > 0)
            logger.LogInformation("Embedded {Count} verified claims of the reference collection", embedded);
        return embedded;
    }
}
