using FactCheck.Workflow.Claims;

namespace FactCheck.Workflow.Articles;

/// <summary>An article as the desk lists it: no text, its claims counted by status.</summary>
public sealed record ArticleCard(Guid Id, string Title, string? Outlet, DateTime ReceivedAt, IReadOnlyDictionary<ClaimStatus, int> Counts);
