using FactCheck.Detection;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// An earlier claim that may state the same fact, with its verdict if it was published, and how its
/// figures compare with the claim's: the same, consistent within a hedge, or different (57 vs 63 Canadians).
/// </summary>
public sealed record SimilarClaim(
    Guid ClaimId,
    Guid ArticleId,
    string Text,
    double Similarity,
    ClaimStatus Status,
    string? PublishedRating,
    DateTime CreatedAt,
    IReadOnlyList<QuantityDifference> QuantityDifferences);
