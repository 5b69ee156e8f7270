using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

public sealed class ClaimCapTests
{
    private static DetectedClaim Claim(int start, double score, int? duplicateOf = null) =>
        new(start, start + 5, $"claim at {start}", score, null, [], duplicateOf);

    [Fact]
    public void Keeps_the_most_check_worthy_in_article_order_and_renumbers_links_to_kept_claims()
    {
        DetectedClaim[] found = [Claim(0, 0.9), Claim(10, 0.55), Claim(20, 0.8, duplicateOf: 0), Claim(30, 0.7, duplicateOf: 1), Claim(40, 0.95)];

        var kept = ClaimDetector.KeepMostCheckWorthy(found, 3);

        Assert.Equal([0, 20, 40], kept.Select(c => c.Start));
        Assert.Equal([null, 0, null], kept.Select(c => c.DuplicateOf));
    }

    [Fact]
    public void A_link_to_a_claim_left_out_is_dropped_and_under_the_cap_nothing_changes()
    {
        DetectedClaim[] found = [Claim(0, 0.6), Claim(10, 0.9, duplicateOf: 0), Claim(20, 0.8)];

        Assert.Equal([null, null], ClaimDetector.KeepMostCheckWorthy(found, 2).Select(c => c.DuplicateOf));
        Assert.Same(found, ClaimDetector.KeepMostCheckWorthy(found, 3));
    }
}
