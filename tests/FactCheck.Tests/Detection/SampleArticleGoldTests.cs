using FactCheck.Detection;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>The detector against the sample article's gold annotation (tests/FactCheck.Tests/Data/gold.json).</summary>
public sealed partial class SampleArticleGoldTests(ITestOutputHelper output)
{
    private static ClaimDetector Detector => new(CheckWorthinessModel.Shared);

    private sealed record GoldClaim(string Quote, int Start, int End, string Level, string[] Quantities);

    private static List<GoldClaim> Gold(string property) =>
        [.. SampleArticle.Gold.RootElement.GetProperty(property).EnumerateArray().Select(e => new GoldClaim(
            e.GetProperty("quote").GetString()!,
            e.GetProperty("start").GetInt32(),
            e.GetProperty("end").GetInt32(),
            e.TryGetProperty("level", out var level) ? level.GetString()! : "not",
            e.TryGetProperty("quantities", out var q) ? [.. q.EnumerateArray().Select(x => x.GetString()!)] : []))];

    [Fact]
    public void Every_must_claim_is_found_with_its_quantities_and_no_non_claim_becomes_one()
    {
        var text = SampleArticle.Text;
        var claims = Detector.Detect(text);
        foreach (var claim in claims)
            output.WriteLine($"[{claim.Start}-{claim.End}] {claim.Score:F2} {claim.Speaker} dup={claim.DuplicateOf} :: {claim.Text}{(claim.Statement is null ? "" : " => " + claim.Statement)}");

        var missing = new List<string>();
        foreach (var gold in Gold("claims"))
        {
            Assert.Equal(gold.Quote, text[gold.Start..gold.End]);
            var found = claims.FirstOrDefault(c => c.Start < gold.End && gold.Start < c.End);
            if (found is null)
            {
                if (gold.Level == "must")
                    missing.Add(gold.Quote);
                output.WriteLine($"not found ({gold.Level}): {gold.Quote}");
                continue;
            }

            foreach (var number in gold.Quantities)
            {
                Assert.True(
                    found.Quantities.Any(q => q.Text.Contains(number, StringComparison.OrdinalIgnoreCase) && gold.Start <= q.End && q.Start <= found.End),
                    $"quantity '{number}' of '{gold.Quote}' not recognised; found: {string.Join(" | ", found.Quantities.Select(q => q.Text))}");
            }
        }

        Assert.True(missing.Count == 0, "must claims not found: " + string.Join(" | ", missing));
        foreach (var not in Gold("not_claims"))
            Assert.DoesNotContain(claims, c => c.Start < not.End && not.Start < c.End);
    }

    /// <summary>
    /// Atomic claims: every gold claim (must and should) has a claim of its own, one whose span covers the
    /// gold span and no other gold claim, without splitting the article into more than half again as
    /// many work items as whole sentences made (18, so at most 26).
    /// </summary>
    [Fact]
    public void Each_gold_claim_is_matched_by_a_claim_of_its_own_without_over_splitting()
    {
        var claims = Detector.Detect(SampleArticle.Text);
        var gold = Gold("claims");
        static bool Covers(DetectedClaim c, GoldClaim g) => c.Start <= g.Start && g.End <= c.End;

        var unmatched = gold.Where(g => !claims.Any(c => Covers(c, g) && gold.Count(other => Covers(c, other)) == 1)).ToList();
        foreach (var claim in claims.Where(c => !gold.Any(g => Covers(c, g))))
            output.WriteLine($"not in the gold: [{claim.Start}-{claim.End}] {claim.Statement ?? claim.Text}");
        output.WriteLine($"{gold.Count - unmatched.Count} of {gold.Count} gold claims matched by a claim of their own; {claims.Count} work items");

        Assert.True(unmatched.Count == 0, "gold claims without a claim of their own: " + string.Join(" | ", unmatched.Select(g => g.Quote)));
        Assert.InRange(claims.Count, gold.Count, 26);
    }

    [Fact]
    public void The_repeated_special_forces_claim_is_linked_to_the_first()
    {
        var text = SampleArticle.Text;
        var claims = Detector.Detect(text);
        var first = claims.ToList().FindIndex(c => c.Text.Contains("estimated 200 special forces", StringComparison.Ordinal));
        var repeat = claims.Single(c => c.Text.Contains("A similar number of Canadian special-forces soldiers", StringComparison.Ordinal));
        Assert.Equal(first, repeat.DuplicateOf);
        Assert.Equal(1, claims.Count(c => c.DuplicateOf is not null));
    }

    [Fact]
    public void Speakers_of_the_sample_article_are_attributed()
    {
        var claims = Detector.Detect(SampleArticle.Text);
        Assert.Contains(claims, c => c.Speaker == "Officials" && c.Text.StartsWith("Officials have said", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Speaker?.StartsWith("the report from the Inspector General", StringComparison.Ordinal) == true);
    }
}
