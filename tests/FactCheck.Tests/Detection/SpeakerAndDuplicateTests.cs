using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

public sealed class SpeakerAndDuplicateTests
{
    [Theory]
    [InlineData("The secret surrounding the mission is one of the reasons for the demand, said Foreign Minister Jack Harris, who noted questions.", "Foreign Minister Jack Harris")]
    [InlineData("Officials have said their most recent focus is on helping Iraqi counterterrorism units.", "Officials")]
    [InlineData("However, the report from the Inspector General’s office at the US Department of Defense also warned that Iraqi forces rely on allies.", "the report from the Inspector General’s office at the US Department of Defense")]
    [InlineData("Unemployment fell to 5 per cent, according to Statistics Canada.", "Statistics Canada")]
    [InlineData("The new democrats say they support Canada’s efforts.", "The new democrats")]
    [InlineData("Prime Minister Justin Trudeau told reporters the troops were safe.", "Prime Minister Justin Trudeau")]
    public void Finds_who_a_statement_is_attributed_to(string sentence, string speaker) => Assert.Equal(speaker, SpeakerFinder.Find(sentence));

    [Theory]
    [InlineData("Nobody was injured in the attacks.")]
    [InlineData("Iran launched ballistic missile attacks on two military bases in Iraq last Tuesday.")]
    [InlineData("It was not clear who fired the rockets.")]
    public void Unattributed_statements_have_no_speaker(string sentence) => Assert.Null(SpeakerFinder.Find(sentence));

    private static (string, IReadOnlyList<Quantity>) Claim(string text) => (text, QuantityRecognizer.Find(text, 0, text.Length));

    [Fact]
    public void Two_claims_stating_the_same_fact_are_linked_to_the_first()
    {
        var links = DuplicateLinker.Link(
        [
            Claim("The new democrats want the liberal government to withdraw the estimated 200 special forces that have worked in Iraq as part of the US led anti-ISIL coalition since 2014."),
            Claim("Canada’s mission to Iraq has two main elements, the first of which comprises around 200 troops who have been training local forces to fight ISIL since October 2018."),
            Claim("A similar number of Canadian special-forces soldiers have been working in Iraq since 2014 as part of the US-led anti-ISIL coalition."),
        ]);
        Assert.Equal([null, null, 0], links);
    }

    [Theory]
    [InlineData("Iran launched missile attacks on two bases in Iraq last Tuesday.", "Iran launched missile attacks on two bases in Syria in 2019.")]
    [InlineData("The deficit reached 40 billion dollars in 2024.", "The deficit reached 25 billion dollars in 2023.")]
    [InlineData("Canada leads that mission near Baghdad.", "Canada leads the NATO mission, which Denmark will take over.")]
    public void Claims_about_different_facts_are_not_linked(string first, string second) =>
        Assert.Equal([null, null], DuplicateLinker.Link([Claim(first), Claim(second)]));
}
