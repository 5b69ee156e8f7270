using FactCheck.Detection;
using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

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
    int Version,
    string Statement,
    ClaimOrigin Origin,
    Guid? SplitFromId,
    DismissalReason? Dismissal)
{
    public static ClaimSummary From(Claim c) => new(
        c.Id, c.ArticleId, c.Start, c.End, c.Text, c.Score, c.Speaker, c.Quantities, c.Status, c.Priority, c.DueAt,
        c.IsOverdue, c.AssigneeId, c.LeaseExpiresAt, c.DuplicateOfId, c.Version, c.Statement, c.Origin, c.SplitFromId, c.Dismissal);
}
