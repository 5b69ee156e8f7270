using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

public sealed class SentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var sentences = SentenceSplitter.Sentences(text);
        Assert.All(sentences, s => Assert.Equal(s.TextOf(text), text.Substring(s.Start, s.End - s.Start)));
        return [.. sentences.Select(s => s.TextOf(text))];
    }

    [Fact]
    public void Military_titles_do_not_end_a_sentence_but_the_sample_articles_garbled_sentence_still_splits_where_it_ends()
    {
        Assert.Equal(
            ["Iran would take revenge on the US that the Iranian Maj. Gen. have killed.", "Qassem Soleimani."],
            Split("Iran would take revenge on the US that the Iranian Maj. Gen. have killed. Qassem Soleimani."));
    }

    [Theory]
    [InlineData("Mr. Trump met Dr. Jones on Jan. 5 in Washington. They talked.", 2)]
    [InlineData("The U.S.-led coalition grew by 3.5 per cent. Officials agreed.", 2)]
    [InlineData("The U.S. military said so. The army disagreed.", 2)]
    [InlineData("Troops left the U.S. The next day they landed.", 2)]
    [InlineData("J. K. Rowling wrote it. Nobody else did.", 2)]
    [InlineData("He asked: who fired? Nobody knows!", 2)]
    public void Abbreviations_initials_and_decimals_are_not_sentence_ends(string text, int count) => Assert.Equal(count, Split(text).Count);

    [Fact]
    public void A_closing_quote_or_bracket_stays_with_its_sentence()
    {
        Assert.Equal(["“We will leave,” he said.", "(The mission ends in March.)", "Then it ended."], Split("“We will leave,” he said. (The mission ends in March.) Then it ended."));
    }

    [Fact]
    public void Paragraphs_headlines_and_datelines_are_separate_segments()
    {
        const string text = "date 2020-01-15 Troops leave Iraq\nOTTAWA - The troops left on Monday. They flew home.\n\n“We are glad,” she said.\n\nLee Berthiaume, The Canadian Press";
        var sentences = SentenceSplitter.Sentences(text);
        Assert.Equal(
            ["date 2020-01-15", "Troops leave Iraq", "OTTAWA - The troops left on Monday.", "They flew home.", "“We are glad,” she said.", "Lee Berthiaume, The Canadian Press"],
            sentences.Select(s => s.TextOf(text)));
        Assert.Equal([0, 0, 0, 0, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal([false, false, false, false, true, false], sentences.Select(s => s.Quoted));
    }

    [Fact]
    public void Offsets_are_utf16_positions_in_the_original_text()
    {
        const string text = "Le ministre a dit « 200 soldats » 😀. Canada’s mission grew.";
        var sentences = SentenceSplitter.Sentences(text);
        Assert.Equal("Canada’s mission grew.", text[sentences[^1].Start..sentences[^1].End]);
    }
}
