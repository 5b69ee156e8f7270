using FactCheck.Workflow;
using FactCheck.Workflow.Verdicts;

namespace FactCheck.Tests.Domain;

public sealed class VerdictScaleTests
{
    [Fact]
    public void The_default_scale_runs_from_true_to_unverifiable()
    {
        var scale = new VerdictScale();
        Assert.Equal(["True", "Mostly true", "Mixed", "Mostly false", "False", "Misleading", "Unverifiable"], scale.Ratings);
        Assert.Equal(1, scale.PositionOf("True"));
        Assert.Equal(5, scale.PositionOf("false"));
        Assert.Equal(7, scale.Worst);
    }

    [Fact]
    public void Ratings_are_matched_without_case_and_spelled_as_the_scale_spells_them()
    {
        Assert.Equal("Mostly true", new VerdictScale().Normalize(" mostly TRUE "));
    }

    [Theory]
    [InlineData("Pants on fire")]
    [InlineData("")]
    [InlineData(null)]
    public void A_rating_off_the_scale_is_refused_with_the_scale_in_the_message(string? rating)
    {
        var error = Assert.Throws<WorkflowException>(() => new VerdictScale().Normalize(rating));
        Assert.Equal(WorkflowError.Invalid, error.Error);
        Assert.Contains("True, Mostly true, Mixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_scale_replaces_the_default()
    {
        var scale = new VerdictScale(["Correct", "Incorrect", "Pants on fire"]);
        Assert.Equal("Pants on fire", scale.Normalize("pants on fire"));
        Assert.Null(scale.PositionOf("True"));
    }

    [Fact]
    public void A_scale_needs_two_distinct_ratings()
    {
        Assert.Throws<ArgumentException>(() => new VerdictScale(["Only"]));
        Assert.Throws<ArgumentException>(() => new VerdictScale(["True", "true"]));
    }
}
