namespace FactCheck.Contracts;

/// <summary>A verdict signed off by an editor; <see cref="ClaimReviewJsonLd"/> is schema.org ClaimReview.</summary>
[WireName("verdict-published", 1)]
public sealed record VerdictPublished(
    Guid ClaimId,
    Guid VerdictId,
    string Rating,
    string Rationale,
    string? ApprovedBy,
    DateTime PublishedAt,
    string ClaimReviewJsonLd);
