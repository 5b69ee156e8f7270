namespace FactCheck.Workflow.Assignment;

/// <summary>
/// Who should check a claim: an available reviewer with room under their capacity, who reads its
/// language, covers its beat and did not write the article. Specialists in the beat come before
/// generalists; among equals, the least loaded (relative to capacity) wins. A claim whose lease ran
/// out goes to someone else when anyone else fits.
/// </summary>
public static class AssignmentPolicy
{
    public static ReviewerProfile? Choose(ClaimToPlace claim, IEnumerable<ReviewerLoad> reviewers) =>
        reviewers
            .Where(r => IsEligible(claim, r))
            .OrderBy(r => r.Profile.UserId == claim.PreviousAssignee)
            .ThenByDescending(r => IsSpecialist(claim, r.Profile))
            .ThenBy(r => (double)r.ActiveClaims / r.Profile.Capacity)
            .ThenBy(r => r.ActiveClaims)
            .ThenBy(r => r.Profile.UserId, StringComparer.Ordinal)
            .Select(r => r.Profile)
            .FirstOrDefault();

    public static bool IsEligible(ClaimToPlace claim, ReviewerLoad reviewer) =>
        reviewer.Profile.IsAvailable
        && reviewer.HasRoom
        && reviewer.Profile.Speaks(claim.Language)
        && reviewer.Profile.Covers(claim.Beat)
        && !reviewer.Profile.IsAuthorOf(claim.ArticleAuthors);

    private static bool IsSpecialist(ClaimToPlace claim, ReviewerProfile profile) =>
        claim.Beat is not null && profile.Beats.Contains(claim.Beat, StringComparer.OrdinalIgnoreCase);
}
