using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

/// <summary>A claim with its evidence, and the claims it duplicates, is duplicated by, was split from or into, or shares its sentence with.</summary>
public sealed record ClaimDetails(
    ClaimSummary Claim,
    string? Beat,
    string Language,
    IReadOnlyList<SourceResponse> Sources,
    IReadOnlyList<VerdictResponse> Verdicts,
    RelatedClaimResponse? DuplicateOf,
    IReadOnlyList<RelatedClaimResponse> Duplicates,
    RelatedClaimResponse? SplitFrom,
    IReadOnlyList<RelatedClaimResponse> Parts,
    IReadOnlyList<RelatedClaimResponse> SameSentence)
{
    public static ClaimDetails From(Claim c, ClaimRelations related) => new(
        ClaimSummary.From(c), c.Beat, c.Language,
        [.. c.Sources.OrderBy(s => s.AddedAt).Select(SourceResponse.From)],
        [.. c.Verdicts.OrderBy(v => v.ProposedAt).Select(VerdictResponse.From)],
        related.DuplicateOf is { } original ? RelatedClaimResponse.From(original) : null,
        [.. related.Duplicates.Select(RelatedClaimResponse.From)],
        related.SplitFrom is { } whole ? RelatedClaimResponse.From(whole) : null,
        [.. related.Parts.Select(RelatedClaimResponse.From)],
        [.. related.SameSentence.Select(RelatedClaimResponse.From)]);
}
