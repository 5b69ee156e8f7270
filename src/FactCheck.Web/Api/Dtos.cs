using FactCheck.Contracts;
using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;

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

public sealed record ArticleAccepted(Guid ArticleId, string Location);

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

public sealed record ClaimSummary(
    Guid Id,
    Guid ArticleId,
    int Start,
    int End,
    string Text,
    double Score,
    string? Speaker,
    IReadOnlyList<Quantity> Quantities,
    ClaimStatus Status,
    int Priority,
    DateTime DueAt,
    bool IsOverdue,
    string? AssigneeId,
    DateTime? LeaseExpiresAt,
    Guid? DuplicateOfId,
    int Version)
{
    public static ClaimSummary From(Claim c) => new(
        c.Id, c.ArticleId, c.Start, c.End, c.Text, c.Score, c.Speaker, c.Quantities, c.Status, c.Priority, c.DueAt,
        c.IsOverdue, c.AssigneeId, c.LeaseExpiresAt, c.DuplicateOfId, c.Version);
}

public sealed record SourceResponse(
    Guid Id,
    string Url,
    string? Title,
    string? Publisher,
    string? Excerpt,
    SourceStance Stance,
    string? AddedBy,
    DateTime AddedAt,
    LinkStatus LinkStatus,
    int? HttpStatus,
    string? ContentHash,
    DateTime? CheckedAt)
{
    public static SourceResponse From(Source s) => new(
        s.Id, s.Url, s.Title, s.Publisher, s.Excerpt, s.Stance, s.AddedBy, s.AddedAt, s.LinkStatus, s.HttpStatus, s.ContentHash, s.CheckedAt);
}

public sealed record ReviewResponse(ReviewDecision Decision, string EditorId, string? Comment, DateTime ReviewedAt);

/// <param name="CitedSources">The sources as they stood when this verdict was approved (null until then).</param>
public sealed record VerdictResponse(Guid Id, string Rating, string Rationale, string ProposedBy, DateTime ProposedAt, ReviewResponse? Review, IReadOnlyList<CitedSource>? CitedSources)
{
    public static VerdictResponse From(Verdict v) => new(
        v.Id, v.Rating, v.Rationale, v.ProposedBy, v.ProposedAt,
        v.Review is { } r ? new ReviewResponse(r.Decision, r.EditorId, r.Comment, r.ReviewedAt) : null,
        v.CitedSources);
}

public sealed record ClaimDetails(
    ClaimSummary Claim,
    string? Beat,
    string Language,
    IReadOnlyList<SourceResponse> Sources,
    IReadOnlyList<VerdictResponse> Verdicts)
{
    public static ClaimDetails From(Claim c) => new(
        ClaimSummary.From(c), c.Beat, c.Language,
        [.. c.Sources.OrderBy(s => s.AddedAt).Select(SourceResponse.From)],
        [.. c.Verdicts.OrderBy(v => v.ProposedAt).Select(VerdictResponse.From)]);
}

public sealed record ClaimEventResponse(ClaimEventKind Kind, string? From, string? To, string? Actor, string? Reason, DateTime OccurredAt)
{
    public static ClaimEventResponse Of(ClaimEvent e) => new(e.Kind, e.From, e.To, e.Actor, e.Reason, e.OccurredAt);
}

public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record AttachSourceRequest(string? Url, string? Title, string? Publisher, string? Excerpt, SourceStance? Stance);

public sealed record ProposeVerdictRequest(string? Rating, string? Rationale);

public sealed record ReviewRequest(string? Comment);

public sealed record DismissRequest(string? Reason, Guid? DuplicateOf);

public sealed record PriorityRequest(int Priority);

public sealed record DueDateRequest(DateTime DueAt);

public sealed record AssignRequest(string? ReviewerId);

/// <summary>The claim list's filters, shared by the list and the export.</summary>
public sealed record ClaimListQuery(
    ClaimStatus? Status,
    string? Assignee,
    Guid? ArticleId,
    string? Beat,
    int? MinPriority,
    DateTime? DueBefore,
    bool? Overdue,
    ClaimSort? Sort,
    bool? Reverse)
{
    /// <summary><c>assignee=me</c> means the caller.</summary>
    public ClaimFilter ToFilter(System.Security.Claims.ClaimsPrincipal user) => new()
    {
        Status = Status,
        AssigneeId = Assignee == "me" ? user.UserId() : Assignee,
        ArticleId = ArticleId,
        Beat = Beat,
        MinPriority = MinPriority,
        DueBefore = DueBefore,
        Overdue = Overdue,
        Sort = Sort ?? ClaimSort.Priority,
        Reverse = Reverse ?? false,
    };
}
