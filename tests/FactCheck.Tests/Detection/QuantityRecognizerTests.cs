using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

public sealed class QuantityRecognizerTests
{
    private static IReadOnlyList<Quantity> Find(string text)
    {
        var found = QuantityRecognizer.Find(text, 0, text.Length);
        Assert.All(found, q => Assert.Equal(q.Text, text[q.Start..q.End]));
        return found;
    }

    [Fact]
    public void Counts_in_digits_with_what_they_count()
    {
        var found = Find("The aircraft carried 176 people that night, including 57 Canadians and dozens of others.");
        Assert.Equal(
            [("176 people", 176d, "people"), ("57 Canadians", 57d, "Canadians")],
            found.Where(q => q.Value is not null).Select(q => (q.Text, q.Value!.Value, q.Unit!)));
        Assert.Contains(found, q => q.Text.StartsWith("dozens", StringComparison.Ordinal) && q.Value is null && q.Approximate);
    }

    [Theory]
    [InlineData("withdraw the estimated 200 special forces that have worked", "200", 200, "special forces")]
    [InlineData("comprises around 200 troops who have been training", "200", 200, "troops")]
    [InlineData("attacks on two military bases in Iraq", "two", 2, "military bases")]
    [InlineData("the twenty-two years of rule", "twenty-two", 22, "years")]
    [InlineData("a bleak picture of the five-year-old fight", "five", 5, "year-old")]
    [InlineData("more than 1,500 soldiers arrived", "1,500", 1500, "soldiers")]
    public void Numbers_in_digits_or_words_with_their_unit(string text, string number, double value, string unit)
    {
        var quantity = Assert.Single(Find(text), q => q.Kind == QuantityKind.Count);
        Assert.Contains(number, quantity.Text, StringComparison.Ordinal);
        Assert.Equal((value, unit), (quantity.Value, quantity.Unit));
    }

    [Theory]
    [InlineData("about 200 troops", true)]
    [InlineData("an estimated 200 troops", true)]
    [InlineData("nearly 200 troops", true)]
    [InlineData("200 troops", false)]
    public void Approximations_are_marked(string text, bool approximate) => Assert.Equal(approximate, Find(text).Single().Approximate);

    [Theory]
    [InlineData("Unemployment fell to 5.2% last month.", QuantityKind.Percent, 5.2)]
    [InlineData("Turnout was 61 per cent.", QuantityKind.Percent, 61)]
    [InlineData("The program costs $3.5 billion.", QuantityKind.Money, 3_500_000_000)]
    [InlineData("It raised 40 million dollars.", QuantityKind.Money, 40_000_000)]
    public void Percentages_and_money(string text, QuantityKind kind, double value)
    {
        var quantity = Find(text).First(q => q.Kind == kind);
        Assert.Equal(value, quantity.Value!.Value, 3);
    }

    [Theory]
    [InlineData("working in Iraq since 2014 as part", "since 2014", QuantityKind.Period, 2014d)]
    [InlineData("training local forces since October 2018.", "since October 2018", QuantityKind.Period, 2018d)]
    [InlineData("first published on January 13, 2020.", "January 13, 2020", QuantityKind.Date, 2020d)]
    [InlineData("active for the past five years.", "for the past five years", QuantityKind.Period, 5d)]
    [InlineData("attacks on bases last Tuesday, including", "last Tuesday", QuantityKind.Date, null)]
    [InlineData("suspended last week, with orders", "last week", QuantityKind.Date, null)]
    public void Dates_and_periods(string text, string expression, QuantityKind kind, double? value)
    {
        var quantity = Assert.Single(Find(text), q => q.Kind == kind);
        Assert.Equal((expression, value), (quantity.Text, quantity.Value));
    }

    [Fact]
    public void One_as_a_pronoun_is_not_a_figure()
    {
        Assert.Empty(Find("The secret is one of the reasons for the demand."));
    }
}
