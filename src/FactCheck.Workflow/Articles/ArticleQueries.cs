using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Articles;

/// <summary>The article feature's reads, for the REST API and the web pages alike. Nothing is tracked.</summary>
public sealed class ArticleQueries(FactCheckDbContext db)
{
    /// <summary>The article with its claims in text order; null when it does not exist (yet).</summary>
    public async Task<ArticleWithClaims?> FindAsync(Guid id, CancellationToken ct)
    {
        if (await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article)
            return null;
        return new ArticleWithClaims(article, await ClaimsOfAsync(id, ct));
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.Articles.AnyAsync(a => a.Id == id, ct);

    /// <summary>The claims found in an article so far, in text order.</summary>
    public Task<List<Claim>> ClaimsOfAsync(Guid articleId, CancellationToken ct) =>
        db.Claims.AsNoTracking().Where(c => c.ArticleId == articleId).OrderBy(c => c.Start).ToListAsync(ct);

    /// <summary>Articles newest first, each with its claims.</summary>
    public async Task<Page<ArticleWithClaims>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var query = db.Articles.AsNoTracking().OrderByDescending(a => a.ReceivedAt);
        var articles = await query.Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(ct);
        var ids = articles.Select(a => a.Id).ToList();
        var claims = (await db.Claims.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).ToListAsync(ct)).ToLookup(c => c.ArticleId);
        return new Page<ArticleWithClaims>([.. articles.Select(a => new ArticleWithClaims(a, [.. claims[a.Id].OrderBy(c => c.Start)]))], await query.CountAsync(ct), page, pageSize);
    }

    /// <summary>The desk's article cards, newest first: each article with its claims counted by status (not its text).</summary>
    public async Task<Page<ArticleCard>> CardsAsync(int page, int pageSize, CancellationToken ct)
    {
        Paging.Check(page, pageSize);
        var total = await db.Articles.CountAsync(ct);
        var recent = await db.Articles.AsNoTracking().OrderByDescending(a => a.ReceivedAt).ThenBy(a => a.Id)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(a => new { a.Id, a.Title, a.Outlet, a.ReceivedAt }).ToListAsync(ct);
        var ids = recent.Select(a => a.Id).ToList();
        var counts = (await db.Claims.AsNoTracking().Where(c => ids.Contains(c.ArticleId))
                .GroupBy(c => new { c.ArticleId, c.Status })
                .Select(g => new { g.Key.ArticleId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.ArticleId);
        return new Page<ArticleCard>(
            [.. recent.Select(a => new ArticleCard(a.Id, a.Title, a.Outlet, a.ReceivedAt, counts[a.Id].ToDictionary(x => x.Status, x => x.Count)))],
            total, page, pageSize);
    }

    /// <summary>The most recent articles' ids and titles, for a filter's choices.</summary>
    public Task<List<ArticleChoice>> ChoicesAsync(int max, CancellationToken ct) =>
        db.Articles.AsNoTracking().OrderByDescending(a => a.ReceivedAt).Take(max).Select(a => new ArticleChoice(a.Id, a.Title)).ToListAsync(ct);

    /// <summary>The titles of the given articles.</summary>
    public Task<Dictionary<Guid, string>> TitlesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);

    /// <summary>Every beat in use. A claim's beat is its article's, and there are far fewer articles to read.</summary>
    public Task<List<string>> BeatsAsync(CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => a.Beat != null).Select(a => a.Beat!).Distinct().OrderBy(b => b).ToListAsync(ct);
}
