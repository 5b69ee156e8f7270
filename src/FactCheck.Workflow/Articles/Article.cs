using FactCheck.Workflow.Claims;

namespace FactCheck.Workflow.Articles;

public sealed class Article
{
    public const int MaxTextLength = 200_000;
    public const int MaxTitleLength = 500;
    public const int MaxOutletLength = 200;
    public const int MaxAuthorLength = 300;
    public const int MaxLanguageLength = 16;
    public const int MaxBeatLength = 64;

    private readonly List<Claim> _claims = [];

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

    private Article() { }

    public void LeaveOut(int claims) => ClaimsLeftOut = claims;

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
