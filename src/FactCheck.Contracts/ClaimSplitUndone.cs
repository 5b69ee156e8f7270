namespace FactCheck.Contracts;

/// <summary>An editor merged a split claim's parts back: the parts are closed and the claim is queued again.</summary>
[WireName("claim-split-undone", 1)]
public sealed record ClaimSplitUndone(Guid ClaimId, Guid ArticleId, IReadOnlyList<Guid> PartIds, string UndoneBy, DateTime UndoneAt);
