using System.Runtime.CompilerServices;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// The claim feature's reads, for the REST API and the web pages alike: each returns what one
/// endpoint or screen shows. Nothing is tracked; a read never writes.
/// </summary>
public sealed class ClaimQueries(FactCheckDbContext db)
{
    /// <summary>One page of the desk's list, in the filter's order.</summary>
    public async Task<Page<Claim>> ListAsync(ClaimFilter filter, int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var query = filter.Apply(db.Claims.AsNoTracking());
        var total = await query.CountAsync(ct);
        var items = await query.Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return new Page<Claim>(items, total, page, pageSize);
    }

    /// <summary>The claim with its sources and verdicts.</summary>
    public Task<Claim?> FindAsync(Guid id, CancellationToken ct) =>
        db.Claims.AsNoTracking().WithSourcesAndVerdicts().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>The claim with its evidence and the article it is in.</summary>
    public async Task<ClaimInArticle?> InArticleAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } claim)
            return null;
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == claim.ArticleId, ct);
        return new ClaimInArticle(claim, article);
    }

    /// <summary>What the reviewer's workspace shows: the claim in its article, and why it last came back to them.</summary>
    public async Task<ClaimWorkspace?> WorkspaceAsync(Guid id, CancellationToken ct)
    {
        if (await InArticleAsync(id, ct) is not { } found)
            return null;
        // A return or a correction: the last move to Returned carries the editor's reason.
        var lastReturn = await db.ClaimEvents.AsNoTracking()
            .Where(e => e.ClaimId == id && e.Kind == ClaimEventKind.StatusChanged && e.To == nameof(ClaimStatus.Returned))
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(ct);
        return new ClaimWorkspace(found.Claim, found.Article, lastReturn, await RelationsAsync(found.Claim, found.Article.Text, ct));
    }

    /// <summary>The claims this one duplicates, is duplicated by, was split from, was split into, or shares its sentence with.</summary>
    public async Task<ClaimRelations> RelationsAsync(Claim claim, string articleText, CancellationToken ct)
    {
        var id = claim.Id;
        var related = await db.Claims.AsNoTracking()
            .Where(c => c.Id == claim.DuplicateOfId || c.Id == claim.SplitFromId || c.DuplicateOfId == id || c.SplitFromId == id)
            .OrderBy(c => c.Start).ThenBy(c => c.CreatedAt)
            .Take(MaxRelated)
            .Select(c => new { c.Id, c.Statement, c.Status, c.DuplicateOfId, c.SplitFromId })
            .ToListAsync(ct);
        RelatedClaim? Find(Guid? other) => related.Where(c => c.Id == other).Select(c => new RelatedClaim(c.Id, c.Statement, c.Status)).FirstOrDefault();
        var sameSentence = new List<RelatedClaim>();
        if (!ClaimLifecycle.IsClosed(claim.Status) && SentenceParts.Around(articleText, new ClaimSpan(claim.Start, claim.End)) is { } sentence)
        {
            sameSentence = await db.Claims.AsNoTracking()
                .Where(c => c.ArticleId == claim.ArticleId && c.Id != id && c.Start >= sentence.Start && c.End <= sentence.End)
                .Where(c => c.Status != ClaimStatus.Published && c.Status != ClaimStatus.Dismissed && c.Status != ClaimStatus.Split)
                .OrderBy(c => c.Start)
                .Take(MaxRelated)
                .Select(c => new RelatedClaim(c.Id, c.Statement, c.Status))
                .ToListAsync(ct);
        }

        return new ClaimRelations(
            Find(claim.DuplicateOfId),
            [.. related.Where(c => c.DuplicateOfId == id).Select(c => new RelatedClaim(c.Id, c.Statement, c.Status))],
            Find(claim.SplitFromId),
            [.. related.Where(c => c.SplitFromId == id).Select(c => new RelatedClaim(c.Id, c.Statement, c.Status))],
            sameSentence);
    }

    /// <summary>A claim names at most this many others (a split has at most ten parts; duplicates are few).</summary>
    private const int MaxRelated = 50;

    /// <summary>The claim's text and its audit trail, oldest first; null when there is no such claim.</summary>
    public async Task<ClaimHistory?> HistoryAsync(Guid id, CancellationToken ct)
    {
        var text = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => c.Text).FirstOrDefaultAsync(ct);
        if (text is null)
            return null;
        var events = await db.ClaimEvents.AsNoTracking().Where(e => e.ClaimId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return new ClaimHistory(id, text, events);
    }

    /// <summary>The claims a reviewer holds now, most urgent first, with their articles' titles.</summary>
    public Task<List<HeldClaim>> HeldByAsync(string reviewerId, CancellationToken ct) =>
        db.Claims.AsNoTracking()
            .Where(c => c.AssigneeId == reviewerId && ClaimLifecycle.LeasedStatuses.Contains(c.Status))
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new HeldClaim(c.Id, c.Text, a.Title, c.Status, c.Priority, c.DueAt, c.IsOverdue, c.LeaseExpiresAt))
            .ToListAsync(ct);

    /// <summary>Proposed verdicts waiting for an editor, most urgent first, at most <paramref name="max"/>.</summary>
    public async Task<List<ClaimInArticle>> AwaitingSignOffAsync(int max, CancellationToken ct)
    {
        var claims = await db.Claims.AsNoTracking().WithSourcesAndVerdicts()
            .Where(c => c.Status == ClaimStatus.VerdictProposed)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt)
            .Take(max)
            .ToListAsync(ct);
        var ids = claims.Select(c => c.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        return [.. claims.Select(c => new ClaimInArticle(c, articles[c.ArticleId]))];
    }

    /// <summary>Up to <paramref name="max"/> claims in the filter's order, with their verdicts and their articles' titles and URLs, streamed.</summary>
    public async IAsyncEnumerable<ExportedClaim> ExportAsync(ClaimFilter filter, int max, [EnumeratorCancellation] CancellationToken ct)
    {
        var claims = filter.Apply(db.Claims.AsNoTracking()).Take(max);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => claims.Select(c => c.ArticleId).Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Url })
            .ToDictionaryAsync(a => a.Id, a => (a.Title, a.Url), ct);
        await foreach (var claim in claims.Include(c => c.Verdicts).AsAsyncEnumerable().WithCancellation(ct))
        {
            // A claim of an article that arrived after the titles were read (the context is busy streaming): no title.
            var (title, url) = articles.TryGetValue(claim.ArticleId, out var article) ? article : ("", null);
            yield return new ExportedClaim(claim, title, url);
        }
    }
}
