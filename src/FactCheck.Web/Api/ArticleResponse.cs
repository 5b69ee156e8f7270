using FactCheck.Workflow.Articles;

namespace FactCheck.Web.Api;

public sealed record ArticleResponse(
    Guid Id,
    string Title,
    string Text,
    string? Outlet,
    string? Url,
    string? Author,
    DateTime? PublishedAt,
    string Language,
    string? Beat,
    int Version,
    DateTime ReceivedAt,
    IReadOnlyList<ClaimSummary> Claims,
    int ClaimsLeftOut)
{
    public static ArticleResponse From(ArticleWithClaims found)
    {
        var a = found.Article;
        return new(a.Id, a.Title, a.Text, a.Outlet, a.Url, a.Author, a.PublishedAt, a.Language, a.Beat, a.Version, a.ReceivedAt,
            [.. found.Claims.Select(ClaimSummary.From)], a.ClaimsLeftOut);
    }
}
