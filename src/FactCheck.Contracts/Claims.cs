namespace FactCheck.Contracts;

[WireName("claim-queued", 1)]
public sealed record ClaimQueued(Guid ClaimId, Guid ArticleId, int Priority, DateTime DueAt);

[WireName("claim-assigned", 1)]
public sealed record ClaimAssigned(Guid ClaimId, Guid ArticleId, string ReviewerId, DateTime LeaseExpiresAt);

/// <summary>Published for every lifecycle transition of a claim, in the order they happened.</summary>
[WireName("claim-status-changed", 1)]
public sealed record ClaimStatusChanged(
    Guid ClaimId,
    Guid ArticleId,
    string From,
    string To,
    string? Actor,
    string? Reason,
    DateTime OccurredAt);

[WireName("source-attached", 1)]
public sealed record SourceAttached(Guid ClaimId, Guid SourceId, string Url, string Stance, string? AttachedBy);
