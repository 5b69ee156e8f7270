namespace FactCheck.Workflow.Claims;

/// <summary>An earlier claim that may state the same fact, with its verdict if it was published.</summary>
public sealed record SimilarClaim(Guid ClaimId, Guid ArticleId, string Text, double Similarity, ClaimStatus Status, string? PublishedRating, DateTime CreatedAt);
