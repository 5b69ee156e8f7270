namespace FactCheck.Contracts;

/// <summary>
/// Command: ingest an article and turn its check-worthy claims into work items. Sent by the API,
/// the web UI or any integrating system. <see cref="ArticleId"/> is chosen by the sender and makes
/// the command idempotent: submitting the same id twice creates one article.
/// </summary>
[WireName("submit-article", 1)]
public sealed record SubmitArticle
{
    public Guid ArticleId { get; init; }
    public string Title { get; init; } = "";
    public string Text { get; init; } = "";
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Author { get; init; }
    public DateTime? PublishedAt { get; init; }
    public string Language { get; init; } = "en";
    public string? Beat { get; init; }
    public string? SubmittedBy { get; init; }
}
