namespace FactCheck.Contracts;

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
