using FactCheck.Detection;
using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Verdicts;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// Finds claims from earlier articles whose embeddings are close to a claim's, above the threshold
/// calibrated on labelled pairs: suggestions for the reviewer, never automatic links.
/// </summary>
public sealed class SimilarClaims(FactCheckDbContext db)
{
    /// <summary>How many of the most recent earlier claims are compared.</summary>
    public const int Window = 5_000;

    public async Task<IReadOnlyList<SimilarClaim>> FindAsync(Guid claimId, int max, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => new { c.ArticleId, c.Embedding, c.CreatedAt, c.Quantities }).FirstOrDefaultAsync(ct)
            ?? throw WorkflowException.NotFound("Claim", claimId);
        if (claim.Embedding is null)
            return [];

        var vector = ClaimSimilarity.FromBytes(claim.Embedding);
        var candidates = await db.Claims.AsNoTracking()
            .Where(c => c.ArticleId != claim.ArticleId && c.Embedding != null && c.CreatedAt <= claim.CreatedAt)
            .OrderByDescending(c => c.CreatedAt)
            .Take(Window)
            .Select(c => new { c.Id, c.ArticleId, c.Text, c.Embedding, c.Status, c.CreatedAt, c.Quantities })
            .ToListAsync(ct);
        var similar = candidates
            .Select(c => (Claim: c, Similarity: ClaimSimilarity.Cosine(vector, ClaimSimilarity.FromBytes(c.Embedding!))))
            .Where(x => x.Similarity >= ClaimSimilarity.SuggestionThreshold)
            .OrderByDescending(x => x.Similarity)
            .Take(max)
            .ToList();

        var ids = similar.Select(x => x.Claim.Id).ToList();
        var ratings = await db.Verdicts.AsNoTracking()
            .Where(v => ids.Contains(v.ClaimId) && v.Review != null && v.Review.Decision == ReviewDecision.Approved)
            .Select(v => new { v.ClaimId, v.Rating, v.Review!.ReviewedAt })
            .ToListAsync(ct);
        var latest = ratings.GroupBy(r => r.ClaimId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReviewedAt).First().Rating);
        return [.. similar.Select(x => new SimilarClaim(
            x.Claim.Id, x.Claim.ArticleId, x.Claim.Text, Math.Round(x.Similarity, 3), x.Claim.Status, latest.GetValueOrDefault(x.Claim.Id), x.Claim.CreatedAt,
            QuantityComparison.Compare(claim.Quantities, x.Claim.Quantities)))];
    }
}
