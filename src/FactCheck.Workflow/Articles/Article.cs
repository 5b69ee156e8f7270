using FactCheck.Contracts;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;

namespace FactCheck.Workflow.Articles;

/// <summary>A submitted news article, whose check-worthy statements become claims. It raises its own events.</summary>
public sealed class Article : IHasOutgoingMessages
{
    public const int MaxTextLength = 200_000;
    public const int MaxTitleLength = 500;
    public const int MaxOutletLength = 200;
    public const int MaxAuthorLength = 300;
    public const int MaxLanguageLength = 16;
    public const int MaxBeatLength = 64;

    private readonly List<Claim> _claims = [];
    private readonly List<object> _outgoing = [];

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Outlet { get; private set; }
    public string? Url { get; private set; }
    public string? Author { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string Language { get; private set; } = "en";
    public string? Beat { get; private set; }
    /// <summary>Revision of the article text; a corrected article gets a new version.</summary>
    public int Version { get; private set; } = 1;
    public string? SubmittedBy { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>Check-worthy sentences that did not become claims because the article had too many (<see cref="WorkflowOptions.MaxClaimsPerArticle"/>).</summary>
    public int ClaimsLeftOut { get; private set; }

    /// <summary>The claims found in it; loaded only where a query asks for them.</summary>
    public IReadOnlyList<Claim> Claims => _claims.AsReadOnly();

    IReadOnlyList<object> IHasOutgoingMessages.OutgoingMessages => _outgoing;

    private Article() { }

    /// <summary>A submission is stored and announced, so its claims are extracted.</summary>
    public static Article Receive(SubmitArticle submission, DateTime now)
    {
        var article = new Article(submission.ArticleId, submission.Title.Trim(), submission.Text, submission.Language.Trim().ToLowerInvariant(), now)
            .WithDetails(submission.Outlet?.Trim(), submission.Url?.Trim(), submission.Author?.Trim(), submission.PublishedAt, submission.Beat?.Trim().ToLowerInvariant(), submission.SubmittedBy);
        article._outgoing.Add(new ArticleReceived(article.Id, article.Title, article.Outlet, article.Url, article.Language, article.ReceivedAt));
        return article;
    }

    /// <summary>
    /// Claims were extracted from the article: <paramref name="leftOut"/> check-worthy sentences did not
    /// become claims because it had too many.
    /// </summary>
    public void Extracted(IReadOnlyList<Claim> claims, int leftOut, DateTime now)
    {
        ClaimsLeftOut = leftOut;
        _outgoing.Add(new ClaimsExtracted(Id, [.. claims.Select(c => c.Id)], now));
    }

    void IHasOutgoingMessages.ClearOutgoingMessages() => _outgoing.Clear();

    public Article(Guid id, string title, string text, string language, DateTime receivedAt)
    {
        Id = id;
        Title = title;
        Text = text;
        Language = language;
        ReceivedAt = receivedAt;
    }

    public Article WithDetails(string? outlet, string? url, string? author, DateTime? publishedAt, string? beat, string? submittedBy)
    {
        Outlet = outlet;
        Url = url;
        Author = author;
        PublishedAt = publishedAt;
        Beat = beat;
        SubmittedBy = submittedBy;
        return this;
    }

    /// <summary>The people named in the byline, for the rule that nobody checks their own article.</summary>
    public IReadOnlyList<string> AuthorNames() => SplitAuthors(Author);

    public static IReadOnlyList<string> SplitAuthors(string? byline) =>
        string.IsNullOrWhiteSpace(byline)
            ? []
            : byline.Split([",", " and ", "&"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
