namespace FactCheck.Web.Api;

/// <summary>The claims to merge back into one (2–10, of one article), and optionally the merged claim's statement.</summary>
public sealed record MergeClaimsRequest(IReadOnlyList<Guid>? ClaimIds, string? Statement);
