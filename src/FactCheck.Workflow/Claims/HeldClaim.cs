namespace FactCheck.Workflow.Claims;

/// <summary>A claim in a reviewer's hands, as their queue lists it.</summary>
public sealed record HeldClaim(Guid Id, string Text, string ArticleTitle, ClaimStatus Status, int Priority, DateTime DueAt, bool IsOverdue, DateTime? LeaseExpiresAt);
