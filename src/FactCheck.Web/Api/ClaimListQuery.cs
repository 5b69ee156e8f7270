using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

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
