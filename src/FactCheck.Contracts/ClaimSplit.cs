namespace FactCheck.Contracts;

/// <summary>An editor split a claim into parts (each announced by <c>claim-added</c>); the claim itself is closed as Split.</summary>
[WireName("claim-split", 1)]
public sealed record ClaimSplit(Guid ClaimId, Guid ArticleId, IReadOnlyList<Guid> PartIds, string SplitBy, DateTime SplitAt);
