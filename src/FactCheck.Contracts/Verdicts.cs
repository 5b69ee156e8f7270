namespace FactCheck.Contracts;

[WireName("verdict-proposed", 1)]
public sealed record VerdictProposed(Guid ClaimId, Guid VerdictId, string Rating, string Rationale, string? ProposedBy);

[WireName("verdict-returned", 1)]
public sealed record VerdictReturned(Guid ClaimId, Guid VerdictId, string Comment, string? ReturnedBy);

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
