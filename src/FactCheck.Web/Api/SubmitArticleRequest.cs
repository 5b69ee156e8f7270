using FactCheck.Contracts;

namespace FactCheck.Web.Api;

public sealed record SubmitArticleRequest(
    string? Title,
    string? Text,
    string? Outlet,
    string? Url,
    string? Author,
    DateTime? PublishedAt,
    string? Language,
    string? Beat)
{
    /// <summary>The bus command, with a new article id; the same for the API and the submit page.</summary>
    public SubmitArticle ToCommand(string submittedBy) => new()
    {
        ArticleId = Guid.CreateVersion7(),
        Title = Title?.Trim() ?? "",
        Text = Text ?? "",
        Outlet = string.IsNullOrWhiteSpace(Outlet) ? null : Outlet.Trim(),
        Url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim(),
        Author = string.IsNullOrWhiteSpace(Author) ? null : Author.Trim(),
        PublishedAt = PublishedAt,
        Language = string.IsNullOrWhiteSpace(Language) ? "en" : Language.Trim(),
        Beat = string.IsNullOrWhiteSpace(Beat) ? null : Beat.Trim(),
        SubmittedBy = submittedBy,
    };
}
