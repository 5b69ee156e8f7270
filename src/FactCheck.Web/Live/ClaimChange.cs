namespace FactCheck.Web.Live;

/// <summary>Something happened to a claim (or, with no claim id, to an article's claims).</summary>
public sealed record ClaimChange(Guid? ClaimId, Guid ArticleId, string? Status);
