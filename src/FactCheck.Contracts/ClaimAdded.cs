namespace FactCheck.Contracts;

/// <summary>
/// A claim made by a person rather than found by the detector: added from a span of the article
/// (<c>origin</c> "Added") or one part of a split claim ("Split", with <c>splitFromId</c>).
/// </summary>
[WireName("claim-added", 1)]
public sealed record ClaimAdded(
    Guid ClaimId,
    Guid ArticleId,
    int Start,
    int End,
    string Text,
    string Statement,
    string Origin,
    Guid? SplitFromId,
    string AddedBy,
    DateTime AddedAt);
