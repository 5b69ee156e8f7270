namespace FactCheck.Workflow.Claims;

/// <summary>
/// How a claim stands to the others: the claim it duplicates (an editor's dismissal or the
/// detector's link), the claims that duplicate it, the claim it was split from, its parts, and the
/// other claims still being checked in its sentence (the detector's atomic parts of it).
/// </summary>
public sealed record ClaimRelations(
    RelatedClaim? DuplicateOf,
    IReadOnlyList<RelatedClaim> Duplicates,
    RelatedClaim? SplitFrom,
    IReadOnlyList<RelatedClaim> Parts,
    IReadOnlyList<RelatedClaim> SameSentence)
{
    public static readonly ClaimRelations None = new(null, [], null, [], []);
}
