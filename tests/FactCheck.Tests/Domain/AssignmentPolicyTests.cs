using FactCheck.Workflow.Assignment;

namespace FactCheck.Tests.Domain;

public sealed class AssignmentPolicyTests
{
    private static readonly ClaimToPlace DefenceClaim = new("en", "defence", ["Lee Berthiaume"]);

    private static ReviewerLoad Reviewer(string id, int load = 0, int capacity = 5, string[]? beats = null, string[]? languages = null, bool available = true, string? name = null) =>
        new(new ReviewerProfile(id, name ?? id) { Beats = [.. beats ?? []], Languages = [.. languages ?? ["en"]], Capacity = capacity, IsAvailable = available }, load);

    [Fact]
    public void Picks_the_least_loaded_relative_to_capacity()
    {
        var chosen = AssignmentPolicy.Choose(DefenceClaim, [Reviewer("a", load: 3, capacity: 5), Reviewer("b", load: 4, capacity: 10), Reviewer("c", load: 2, capacity: 3)]);
        Assert.Equal("b", chosen?.UserId);
    }

    [Fact]
    public void Never_exceeds_capacity()
    {
        Assert.Null(AssignmentPolicy.Choose(DefenceClaim, [Reviewer("a", load: 5, capacity: 5), Reviewer("b", load: 0, capacity: 0)]));
    }

    [Fact]
    public void Prefers_a_specialist_in_the_beat_over_a_less_loaded_generalist()
    {
        var chosen = AssignmentPolicy.Choose(DefenceClaim, [Reviewer("generalist", load: 0), Reviewer("specialist", load: 3, beats: ["defence"])]);
        Assert.Equal("specialist", chosen?.UserId);
    }

    [Fact]
    public void Skips_reviewers_of_other_beats_and_other_languages()
    {
        var chosen = AssignmentPolicy.Choose(DefenceClaim,
        [
            Reviewer("sports", beats: ["sports"]),
            Reviewer("french", languages: ["fr"]),
            Reviewer("bilingual", load: 4, languages: ["fr", "en"]),
        ]);
        Assert.Equal("bilingual", chosen?.UserId);
    }

    [Fact]
    public void Never_assigns_the_article_to_its_own_author()
    {
        var chosen = AssignmentPolicy.Choose(DefenceClaim, [Reviewer("author", name: "lee berthiaume"), Reviewer("other", load: 4)]);
        Assert.Equal("other", chosen?.UserId);
    }

    [Fact]
    public void Skips_unavailable_reviewers_and_returns_null_when_nobody_fits()
    {
        Assert.Null(AssignmentPolicy.Choose(DefenceClaim, [Reviewer("away", available: false)]));
        Assert.Null(AssignmentPolicy.Choose(DefenceClaim, []));
    }

    [Fact]
    public void Breaks_ties_deterministically()
    {
        var reviewers = new[] { Reviewer("b"), Reviewer("a"), Reviewer("c") };
        Assert.Equal("a", AssignmentPolicy.Choose(DefenceClaim, reviewers)?.UserId);
        Assert.Equal("a", AssignmentPolicy.Choose(DefenceClaim, reviewers.Reverse())?.UserId);
    }

    [Fact]
    public void A_claim_whose_lease_ran_out_goes_to_someone_else_when_anyone_else_fits()
    {
        var lapsed = DefenceClaim with { PreviousAssignee = "slow" };
        Assert.Equal("other", AssignmentPolicy.Choose(lapsed, [Reviewer("slow", beats: ["defence"]), Reviewer("other", load: 4)])?.UserId);
        Assert.Equal("slow", AssignmentPolicy.Choose(lapsed, [Reviewer("slow"), Reviewer("busy", load: 5)])?.UserId);
    }
}
