namespace FactCheck.Contracts;

[WireName("claim-assigned", 1)]
public sealed record ClaimAssigned(Guid ClaimId, Guid ArticleId, string ReviewerId, DateTime LeaseExpiresAt);
