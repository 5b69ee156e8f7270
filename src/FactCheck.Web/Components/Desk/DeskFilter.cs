using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Components.Desk;

/// <summary>The desk's filter as its form edits it (empty means "any"); <see cref="ToClaimFilter"/> is what the query gets.</summary>
public sealed class DeskFilter
{
    public ClaimStatus? Status { get; set; }
    public string? AssigneeId { get; set; }
    public Guid? ArticleId { get; set; }
    public string? Beat { get; set; }
    public int? MinPriority { get; set; }
    public bool OverdueOnly { get; set; }
    public ClaimSort Sort { get; set; } = ClaimSort.Priority;
    public bool Reverse { get; set; }

    /// <summary>A column header's sort: the same column again flips the order.</summary>
    public void SortBy(ClaimSort by)
    {
        Reverse = Sort == by && !Reverse;
        Sort = by;
    }

    public ClaimFilter ToClaimFilter() => new()
    {
        Status = Status,
        AssigneeId = string.IsNullOrEmpty(AssigneeId) ? null : AssigneeId,
        ArticleId = ArticleId,
        Beat = string.IsNullOrEmpty(Beat) ? null : Beat,
        MinPriority = MinPriority,
        Overdue = OverdueOnly ? true : null,
        Sort = Sort,
        Reverse = Reverse,
    };
}
