namespace FactCheck.Workflow.Claims;

/// <summary>How the desk (REST list and web UI alike) narrows and orders claims; null means "any".</summary>
public sealed record ClaimFilter
{
    public ClaimStatus? Status { get; init; }
    public string? AssigneeId { get; init; }
    public Guid? ArticleId { get; init; }
    public string? Beat { get; init; }
    public int? MinPriority { get; init; }
    public DateTime? DueBefore { get; init; }
    public bool? Overdue { get; init; }
    public ClaimSort Sort { get; init; } = ClaimSort.Priority;

    /// <summary>Priority and score sort highest first, dates oldest first, unless flipped.</summary>
    public bool Reverse { get; init; }

    public IQueryable<Claim> Apply(IQueryable<Claim> claims)
    {
        if (Status is { } status)
            claims = claims.Where(c => c.Status == status);
        if (AssigneeId is { } assignee)
            claims = claims.Where(c => c.AssigneeId == assignee);
        if (ArticleId is { } article)
            claims = claims.Where(c => c.ArticleId == article);
        if (!string.IsNullOrWhiteSpace(Beat))
            claims = claims.Where(c => c.Beat == Beat);
        if (MinPriority is { } min)
            claims = claims.Where(c => c.Priority >= min);
        if (DueBefore is { } due)
        {
            var dueUtc = due.ToUniversalTime();
            claims = claims.Where(c => c.DueAt <= dueUtc);
        }

        if (Overdue is { } late)
            claims = claims.Where(c => c.IsOverdue == late);
        return Order(claims);
    }

    // Statuses are stored as text; sorting them must follow the lifecycle, not the alphabet.
    private static readonly System.Linq.Expressions.Expression<Func<Claim, int>> LifecycleOrder = c =>
        c.Status == ClaimStatus.New ? 0
        : c.Status == ClaimStatus.Queued ? 1
        : c.Status == ClaimStatus.Assigned ? 2
        : c.Status == ClaimStatus.InProgress ? 3
        : c.Status == ClaimStatus.VerdictProposed ? 4
        : c.Status == ClaimStatus.Returned ? 5
        : c.Status == ClaimStatus.Published ? 6
        : c.Status == ClaimStatus.Dismissed ? 7
        : 8;

    private IQueryable<Claim> Order(IQueryable<Claim> claims)
    {
        var ordered = (Sort, Reverse) switch
        {
            (ClaimSort.DueAt, false) => claims.OrderBy(c => c.DueAt).ThenByDescending(c => c.Priority),
            (ClaimSort.DueAt, true) => claims.OrderByDescending(c => c.DueAt).ThenByDescending(c => c.Priority),
            (ClaimSort.Status, false) => claims.OrderBy(LifecycleOrder).ThenByDescending(c => c.Priority),
            (ClaimSort.Status, true) => claims.OrderByDescending(LifecycleOrder).ThenByDescending(c => c.Priority),
            (ClaimSort.CreatedAt, false) => claims.OrderBy(c => c.CreatedAt).ThenBy(c => c.Start),
            (ClaimSort.CreatedAt, true) => claims.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Start),
            (ClaimSort.Score, false) => claims.OrderByDescending(c => c.Score).ThenByDescending(c => c.Priority),
            (ClaimSort.Score, true) => claims.OrderBy(c => c.Score).ThenByDescending(c => c.Priority),
            (_, false) => claims.OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt),
            (_, true) => claims.OrderBy(c => c.Priority).ThenBy(c => c.DueAt),
        };
        return ordered.ThenBy(c => c.Id);
    }
}
