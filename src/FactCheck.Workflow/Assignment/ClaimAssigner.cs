using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Assignment;

/// <summary>Places queued claims with reviewers by <see cref="AssignmentPolicy"/>. Changes the context; the caller saves.</summary>
public sealed class ClaimAssigner(FactCheckDbContext db, IOptions<WorkflowOptions> options, TimeProvider time)
{
    public const string PolicyActor = "assignment-policy";

    /// <summary>Whether the policy places claims at all (<see cref="WorkflowOptions.AutoAssign"/>).</summary>
    public bool AutoAssign => options.Value.AutoAssign;

    /// <summary>Assigns each queued claim to the best reviewer with room; returns how many found one.</summary>
    public async Task<int> AssignAsync(IReadOnlyList<Claim> claims, CancellationToken cancellationToken)
    {
        var queued = claims.Where(c => c.Status == ClaimStatus.Queued).ToList();
        if (queued.Count == 0)
            return 0;

        var loads = await LoadsAsync(cancellationToken);
        var authors = await AuthorsAsync(queued.Select(c => c.ArticleId), cancellationToken);
        return queued
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt)
            .Count(c => Place(c, authors, loads) is not null);
    }

    /// <summary>
    /// Assigns one queued claim by the policy and counts it in <paramref name="loads"/>; returns the
    /// reviewer, or null when nobody fits. Changes the claim only; the caller saves.
    /// </summary>
    public string? Place(Claim claim, IReadOnlyDictionary<Guid, IReadOnlyList<string>> authors, Dictionary<string, ReviewerLoad> loads, string? previousAssignee = null)
    {
        if (!AutoAssign)
            return null;
        var chosen = AssignmentPolicy.Choose(new ClaimToPlace(claim.Language, claim.Beat, authors.GetValueOrDefault(claim.ArticleId, []), previousAssignee), loads.Values);
        if (chosen is null)
            return null;
        claim.Assign(chosen.UserId, options.Value.LeaseDuration, PolicyActor, time.GetUtcNow().UtcDateTime);
        loads[chosen.UserId] = loads[chosen.UserId] with { ActiveClaims = loads[chosen.UserId].ActiveClaims + 1 };
        return chosen.UserId;
    }

    /// <summary>The byline names of each article, for the rule that nobody checks their own article.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<string>>> AuthorsAsync(IEnumerable<Guid> articleIds, CancellationToken cancellationToken)
    {
        var ids = articleIds.Distinct().ToList();
        var bylines = await db.Articles.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Author }).ToListAsync(cancellationToken);
        return bylines.ToDictionary(a => a.Id, a => Article.SplitAuthors(a.Author));
    }

    /// <summary>Every available reviewer with the number of claims they hold under a lease.</summary>
    public async Task<Dictionary<string, ReviewerLoad>> LoadsAsync(CancellationToken cancellationToken)
    {
        var profiles = await db.Reviewers.Where(r => r.IsAvailable).ToListAsync(cancellationToken);
        var counts = await ActiveClaimCountsAsync(cancellationToken);
        return profiles.ToDictionary(p => p.UserId, p => new ReviewerLoad(p, counts.GetValueOrDefault(p.UserId)));
    }

    public async Task<int> ActiveClaimsOfAsync(string reviewerId, CancellationToken cancellationToken) =>
        await db.Claims.CountAsync(c => c.AssigneeId == reviewerId && ClaimLifecycle.LeasedStatuses.Contains(c.Status), cancellationToken);

    private Task<Dictionary<string, int>> ActiveClaimCountsAsync(CancellationToken cancellationToken) =>
        db.Claims
            .Where(c => c.AssigneeId != null && ClaimLifecycle.LeasedStatuses.Contains(c.Status))
            .GroupBy(c => c.AssigneeId!)
            .Select(g => new { Reviewer = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Reviewer, x => x.Count, cancellationToken);
}
