namespace FactCheck.Contracts;

[WireName("claim-queued", 1)]
public sealed record ClaimQueued(Guid ClaimId, Guid ArticleId, int Priority, DateTime DueAt);
