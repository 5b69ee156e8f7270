using FactCheck.Workflow.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.References;

/// <summary>
/// The newsroom's collection of claims already verified (by other fact-checkers or itself), imported
/// by an admin. An import is all or nothing, one transaction; their embeddings follow in a job.
/// </summary>
public sealed class ReferenceCollection(FactCheckDbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    /// <summary>Existing keys are looked up this many at a time (a parameter list has limits on every provider).</summary>
    private const int KeyBatch = 500;

    public async Task<ReferenceImport> ImportAsync(string content, ImportFormat format, string importedBy, CancellationToken ct)
    {
        var (claims, problems) = VerifiedClaimReader.Read(content, format);
        if (problems.Count > 0)
            return new ReferenceImport(0, 0, problems);

        var now = time.GetUtcNow().UtcDateTime;
        var existing = new Dictionary<string, ReferenceClaim>(StringComparer.Ordinal);
        foreach (var batch in claims.Select(c => c.Key).Chunk(KeyBatch))
        {
            foreach (var stored in await db.ReferenceClaims.Where(r => batch.Contains(r.Key)).ToListAsync(ct))
                existing[stored.Key] = stored;
        }

        foreach (var claim in claims)
        {
            if (existing.TryGetValue(claim.Key, out var stored))
                stored.Update(claim, now);
            else
                db.ReferenceClaims.Add(new ReferenceClaim(claim, importedBy, now));
        }

        await db.SaveChangesAsync(ct);
        // Queued after the claims are stored; a job lost with an in-memory job store is queued again at start.
        jobs.Enqueue<ReferenceEmbeddingJob>(job => job.RunAsync(CancellationToken.None));
        return new ReferenceImport(claims.Count - existing.Count, existing.Count, []);
    }

    public Task<int> CountAsync(CancellationToken ct) => db.ReferenceClaims.CountAsync(ct);

    /// <summary>The most recently imported verified claims, a page at a time.</summary>
    public async Task<Page<ReferenceClaim>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var total = await db.ReferenceClaims.CountAsync(ct);
        var items = await db.ReferenceClaims.AsNoTracking().OrderByDescending(r => r.ImportedAt).ThenBy(r => r.Key)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return new Page<ReferenceClaim>(items, total, page, pageSize);
    }
}
