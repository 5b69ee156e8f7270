using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

public sealed class QuantityComparisonTests
{
    private const QuantityAgreement Same = QuantityAgreement.Same;
    private const QuantityAgreement Consistent = QuantityAgreement.Consistent;
    private const QuantityAgreement Different = QuantityAgreement.Different;

    private static List<(string Subject, string This, string Other, QuantityAgreement Agreement)> Compare(string thisText, string otherText) =>
        [.. QuantityComparison.Compare(thisText, otherText).Select(d => (d.Subject, d.ThisValue, d.OtherValue, d.Agreement))];

    [Fact]
    public void The_issue_pair_agrees_on_the_dead_and_differs_on_the_Canadians()
    {
        // Same subject, same number: a desk wants to see that too, not only the difference.
        Assert.Equal(
            [("people", "176 people", "176 people", Same), ("Canadians", "63 Canadians", "57 Canadians", Different)],
            Compare("176 people on board died, including 63 Canadians", "176 people on board died, including 57 Canadians"));
    }

    [Fact]
    public void Real_world_phrasing_pairs_people_with_passengers_and_Canadians_with_57_of_them_Canadian()
    {
        // "passengers" is a synonym of "people"; "of them Canadian" counts Canadians, singular or plural.
        Assert.Equal(
            [("people", "176 people", "176 passengers", Same), ("Canadians", "63 Canadians", "57 of them Canadian", Different)],
            Compare("176 people on board died, including 63 Canadians", "The plane carried 176 passengers and crew, 57 of them Canadian"));
    }

    [Fact]
    public void The_same_count_with_a_word_after_the_noun_is_the_same()
    {
        // "aboard" follows the counted noun without changing what is counted.
        Assert.Equal(
            [("people", "176 people", "176 people aboard", Same)],
            Compare("The aircraft carried 176 people.", "Iran shot down a jet with 176 people aboard."));
    }

    [Fact]
    public void A_hedged_figure_is_consistent_with_a_number_within_its_tolerance()
    {
        // "about 200" covers 180–220; special forces are troops.
        Assert.Equal(
            [("special forces", "about 200 special forces", "210 troops", Consistent)],
            Compare("Canada has about 200 special forces in Iraq.", "Canada has 210 troops in Iraq."));
    }

    [Fact]
    public void Unhedged_figures_for_synonyms_that_differ_are_different()
    {
        // Neither is hedged, and 300 is half again 200: no rounding makes them one figure.
        Assert.Equal(
            [("troops", "200 troops", "300 soldiers", Different)],
            Compare("Canada sent 200 troops to Iraq.", "Canada sent 300 soldiers to Iraq."));
    }

    [Fact]
    public void Numbers_for_different_things_are_not_compared()
    {
        // Troops and kilometres are different subjects: the same 200 says nothing about either.
        Assert.Empty(Compare("The convoy of 200 troops arrived.", "The convoy drove 200 km."));
        Assert.Empty(Compare("176 people died.", "57 Canadians died."));
    }

    [Fact]
    public void Nothing_to_compare_without_quantities()
    {
        Assert.Empty(Compare("Canada leads the NATO training mission in Iraq.", "The NATO mission training Iraqi forces is led by Canada."));
        Assert.Empty(Compare("176 people died.", "Many people died."));
    }

    [Theory]
    [InlineData("about 200 troops", "210 troops", Consistent)] // within 10% of the hedged figure
    [InlineData("about 200 troops", "220 troops", Consistent)] // at the edge of 10%
    [InlineData("about 200 troops", "250 troops", Different)] // 25% off: another figure
    [InlineData("about 200 troops", "about 220 troops", Consistent)] // 180–220 and 198–242 meet
    [InlineData("about 200 troops", "200 troops", Same)] // the same number, one hedged
    [InlineData("200 troops", "210 troops", Different)] // no hedge: 200 is taken as stated
    [InlineData("more than 200 troops", "210 troops", Consistent)] // 210 is more than 200
    [InlineData("more than 200 troops", "190 troops", Different)]
    [InlineData("more than 200 troops", "200 troops", Consistent)] // not the same statement, but both can hold
    [InlineData("fewer than 200 troops", "150 troops", Consistent)]
    [InlineData("nearly 200 troops", "195 troops", Consistent)] // nearly reaches 10% below
    [InlineData("nearly 200 troops", "205 troops", Different)] // but not above
    public void Rounding_and_hedges(string these, string others, QuantityAgreement agreement) =>
        Assert.Equal(agreement, Assert.Single(Compare(these, others)).Agreement);

    [Theory]
    [InlineData("working in Iraq since 2014", "working in Iraq since 2015", "since", Different)]
    [InlineData("working in Iraq since 2014", "working in Iraq since 2014", "since", Same)]
    [InlineData("training forces since 2018", "training forces since October 2018", "since", Consistent)] // the same year, one more precise
    [InlineData("first published on January 13, 2020", "first published in 2020", "date", Consistent)]
    [InlineData("first published on January 13, 2020", "first published on January 14, 2020", "date", Different)]
    [InlineData("active for the past five years", "active for the past six years", "years", Different)]
    public void Years_dates_and_periods(string these, string others, string subject, QuantityAgreement agreement)
    {
        var difference = Assert.Single(Compare(these, others));
        Assert.Equal((subject, agreement), (difference.Subject, difference.Agreement));
    }

    [Fact]
    public void Since_and_a_year_in_passing_are_not_the_same_thing()
    {
        // "since 2014" dates a start; "in 2014" a moment: comparing them would mislead.
        Assert.Empty(Compare("They have worked in Iraq since 2014.", "They arrived in Iraq in 2014."));
    }

    [Theory]
    [InlineData("Unemployment fell to 5.2%.", "Unemployment fell to 5.4%.", Different)]
    [InlineData("Unemployment fell to 5.2%.", "Unemployment fell to 5.24%.", Consistent)] // 5.24 rounds to 5.2
    [InlineData("Unemployment was about 40%.", "Unemployment was 42%.", Consistent)]
    [InlineData("Turnout was 61 per cent.", "Turnout was 61%.", Same)]
    public void Percentages(string these, string others, QuantityAgreement agreement)
    {
        var difference = Assert.Single(Compare(these, others));
        Assert.Equal(("percent", agreement), (difference.Subject, difference.Agreement));
    }

    [Theory]
    [InlineData("The program costs $3.5 billion.", "The program costs $3.46 billion.", Consistent)] // 3.46 rounds to 3.5
    [InlineData("The program costs $3.5 billion.", "The program costs $4 billion.", Different)] // a coarse figure does not stretch past 5%
    [InlineData("It raised $40 million.", "It raised 40 million dollars.", Same)]
    public void Money(string these, string others, QuantityAgreement agreement)
    {
        var difference = Assert.Single(Compare(these, others));
        Assert.Equal(("dollars", agreement), (difference.Subject, difference.Agreement));
    }

    [Fact]
    public void Money_in_different_currencies_is_not_compared() =>
        Assert.Empty(Compare("The program costs $3.5 billion.", "The program costs €3.5 billion."));

    [Fact]
    public void Several_figures_for_one_subject_pair_by_the_closest_name_then_the_closest_number()
    {
        // "troops" with "troops" and "soldiers" with "soldiers" before the synonyms cross.
        Assert.Equal(
            [("troops", "200 troops", "200 troops", Same), ("soldiers", "1,500 soldiers", "1,600 soldiers", Different)],
            Compare("Canada has 200 troops in Iraq and 1,500 soldiers in Kuwait.", "Canada has 1,600 soldiers in Kuwait and 200 troops in Iraq."));
    }

    [Fact]
    public void Labelled_same_fact_pair_from_the_calibration_set_agrees()
    {
        // src/FactCheck.Detection/Calibration/similar-claims.tsv: "About 200" and "Some 200" are one hedged figure.
        Assert.Equal(
            [
                ("Canadian special forces", "About 200 Canadian special forces", "Some 200 Canadian special-forces soldiers", Same),
                ("since", "since 2014", "since 2014", Same),
            ],
            Compare(
                "About 200 Canadian special forces have been working in Iraq since 2014.",
                "Some 200 Canadian special-forces soldiers have served in Iraq since 2014."));
    }

    [Fact]
    public void The_sample_articles_two_missions_differ_in_when_not_how_many()
    {
        // Both elements of Canada's mission are about 200 strong; what tells them apart is when they began.
        Assert.Equal(
            [
                ("special forces", "the estimated 200 special forces", "around 200 troops", Same),
                ("since", "since 2014", "since October 2018", Different),
            ],
            Compare(
                "they want the liberal government to withdraw the estimated 200 special forces that have worked in Iraq as part of the US led anti-ISIL coalition since 2014.",
                "the first of which comprises around 200 troops who have been training local forces to fight ISIL since October 2018."));
    }

    [Fact]
    public void Quantities_already_found_are_compared_without_their_texts()
    {
        IReadOnlyList<Quantity> these = [new(0, 12, "63 Canadians", 63, QuantityKind.Count, "Canadians")];
        IReadOnlyList<Quantity> others = [new(0, 12, "57 Canadians", 57, QuantityKind.Count, "Canadians")];
        Assert.Equal([new QuantityDifference("Canadians", "63 Canadians", "57 Canadians", Different)], QuantityComparison.Compare(these, others));
    }
}
