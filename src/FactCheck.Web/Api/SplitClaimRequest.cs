namespace FactCheck.Web.Api;

/// <summary>The parts of a claim, each a span inside the claim's own span (article offsets or a quote).</summary>
public sealed record SplitClaimRequest(IReadOnlyList<AddClaimRequest>? Parts);
