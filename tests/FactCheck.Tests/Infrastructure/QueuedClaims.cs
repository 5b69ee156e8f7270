using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Claims;

namespace FactCheck.Tests.Infrastructure;

/// <summary>Fills the queue without the detector: one article and <c>count</c> queued claims, saved in one transaction.</summary>
public static class QueuedClaims
{
    public static async Task<List<Guid>> SeedAsync(FactCheckApp app, int count, string? beat = null, string? author = null)
    {
        var now = DateTime.UtcNow;
        var article = new Article(Guid.CreateVersion7(), $"Seeded article of {count} claims", "Seeded claims.", "en", now)
            .WithDetails(null, null, author, null, beat, "seed");
        var claims = Enumerable.Range(0, count).Select(i =>
        {
            var text = $"Claim {i}: {i * 7 % 1000} people were aboard.";
            var claim = new Claim(Guid.CreateVersion7(), article.Id, new DetectedClaim(0, text.Length, text, 0.9, null, []), "en", beat, now);
            claim.Queue(priority: i % 100, now.AddHours(24), "seed", now);
            return claim;
        }).ToList();
        await app.WithDbAsync(db =>
        {
            db.Articles.Add(article);
            db.Claims.AddRange(claims);
            return db.SaveChangesAsync();
        });
        return [.. claims.Select(c => c.Id)];
    }
}
