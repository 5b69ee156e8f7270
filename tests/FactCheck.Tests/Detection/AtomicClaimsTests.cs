using FactCheck.Detection;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>
/// The splitter of check-worthy sentences into atomic claims. Every case says why; the sentence is put
/// after a paragraph so that offsets are tested as offsets into an article, not into the sentence.
/// </summary>
public sealed class AtomicClaimsTests
{
    private const string Lead = "Ottawa – A headline line\n\nThe story opens here. ";

    private static List<ClaimPart> Parts(string sentence, out string article)
    {
        article = Lead + sentence;
        var parts = AtomicClaims.Parts(article, new Sentence(Lead.Length, article.Length, 1, false)).ToList();
        var text = article;
        Assert.All(parts, p => Assert.True(Lead.Length <= p.Start && p.Start < p.End && p.End <= text.Length, $"part [{p.Start}-{p.End}] outside the sentence"));
        return parts;
    }

    public static TheoryData<string, string, string[]> Splits => new()
    {
        { "', but' and a pronoun with its own verb: two positions of one party", "The new democrats say they support the mission, but they want the government to withdraw 200 troops.", ["The new democrats say they support the mission", "they want the government to withdraw 200 troops."] },
        { "', but' and a new subject (a noun phrase, an adverb, an irregular past)", "Nobody was injured in the attacks, but the army later shot down an airliner that carried 176 people.", ["Nobody was injured in the attacks", "the army later shot down an airliner that carried 176 people."] },
        { "a semicolon joins two figures", "Unemployment fell to 5 per cent in March; inflation rose to 3 per cent.", ["Unemployment fell to 5 per cent in March", "inflation rose to 3 per cent."] },
        { "a mid-sentence ', while' contrasts two facts", "Exports grew by 4 per cent last year, while imports fell by 2 per cent.", ["Exports grew by 4 per cent last year", "imports fell by 2 per cent."] },
        { "', whereas' and a proper-noun subject", "The province hired 300 nurses in 2023, whereas Alberta hired 150.", ["The province hired 300 nurses in 2023", "Alberta hired 150."] },
        { "', yet' joins a second figure", "The city cut its budget by 10 per cent, yet the police budget grew by 5 per cent.", ["The city cut its budget by 10 per cent", "the police budget grew by 5 per cent."] },
        { "', and' with a new subject and verb", "The army withdrew 200 troops in March, and the navy sent three ships to the Gulf.", ["The army withdrew 200 troops in March", "the navy sent three ships to the Gulf."] },
        { "', and' with a subject whose verb is a passive", "The attack killed 12 soldiers, and 40 civilians were wounded.", ["The attack killed 12 soldiers", "40 civilians were wounded."] },
        { "a bare 'and' between two long main clauses", "The army withdrew 200 troops from Iraq in March and the navy sent three ships to the Gulf in April.", ["The army withdrew 200 troops from Iraq in March", "the navy sent three ships to the Gulf in April."] },
        { "', where' with its own subject is a fact about the place; the span keeps 'where'", "Iran fired missiles at a base near Irbil, where Canadian troops have trained Kurdish fighters since 2014.", ["Iran fired missiles at a base near Irbil", "where Canadian troops have trained Kurdish fighters since 2014."] },
        { "three assertions, two joiners", "Prices rose by 2 per cent in May, but hourly wages fell by 1 per cent, while rents stayed flat.", ["Prices rose by 2 per cent in May", "hourly wages fell by 1 per cent", "rents stayed flat."] },
        { "a trailing attribution stays with the last part", "Nobody was hurt in the blast, but two buildings collapsed, according to the RCMP.", ["Nobody was hurt in the blast", "two buildings collapsed, according to the RCMP."] },
        { "a leading time stays with the first part", "On Monday, the army withdrew 200 troops, but the navy kept its ships in the Gulf.", ["On Monday, the army withdrew 200 troops", "the navy kept its ships in the Gulf."] },
        { "a titled name as subject, 'he' in the second clause", "Prime Minister Justin Trudeau visited the troops in Kuwait, but he did not meet Iraqi officials.", ["Prime Minister Justin Trudeau visited the troops in Kuwait", "he did not meet Iraqi officials."] },
        { "'it' in the second clause, a negated perfect", "The ministry published the figures in May, but it has not released the methodology.", ["The ministry published the figures in May", "it has not released the methodology."] },
        { "a departing official with a long titled name", "Many parliamentarians have boycotted the vote, but the departing Prime Minister Adil Abdul-Mahdi has expressed his support for it.", ["Many parliamentarians have boycotted the vote", "the departing Prime Minister Adil Abdul-Mahdi has expressed his support for it."] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void A_sentence_joining_independent_assertions_splits_into_exact_spans(string why, string sentence, string[] expected)
    {
        var parts = Parts(sentence, out var article);
        Assert.True(expected.SequenceEqual(parts.Select(p => article[p.Start..p.End])), $"{why}: got {string.Join(" | ", parts.Select(p => article[p.Start..p.End]))}");
    }

    public static TheoryData<string, string> StaysOne => new()
    {
        { "a quantity with its hedge, unit and scope", "The army deployed about 200 special forces to northern Iraq in 2014." },
        { "numbers about one subject: 'including' adds detail, not a fact of its own", "The plane carried 176 people, including 57 Canadians and dozens of others flying to Canada." },
        { "an apposition with a relative clause describes the same subject", "Canada’s mission has two main elements, the first of which comprises around 200 troops who train local forces." },
        { "a ', which' clause describes the same subject", "Canada leads that mission, which is largely located in the south of the country around Baghdad." },
        { "an attribution with what was said, and who the speaker is", "The secret is one of the reasons for the demand, said Foreign Minister Jack Harris, who noted long-standing questions." },
        { "a short bare 'and' is one report of an aftermath", "Iran has apologized and an investigation is ongoing." },
        { "'not only ..., but also' coordinates objects, not clauses", "The views follow not only an explosive week, but also mixed assessments of the training." },
        { "a leading 'While X,' is context of the main clause", "While the threat seemed to have subsided, Canadian troops remained locked down on Monday." },
        { "a participle continues the same assertion", "The report warned that Iraqi forces rely on allies, raising questions about the training efforts." },
        { "', with' adds detail without a verb of its own", "Both missions were suspended last week, with orders for troops to move to Kuwait." },
        { "a reporting verb before a bare 'and': 'A and B had ...' is one compound subject", "The watchdog warned the American withdrawal from Syria and the Turkish offensive had strengthened the group." },
        { "a list with an Oxford comma is a compound subject, not two clauses", "Canada, Britain, and the United States sent troops to Iraq in 2014." },
        { "', but not' has no verb: it would be a fragment", "The budget grew by 4 per cent, but not the health budget of the province." },
        { "', and then' continues the same subject's actions", "The army withdrew 200 troops, and then sent them to Kuwait in the spring." },
        { "a bare 'and' between objects", "The attack killed 12 soldiers and 40 civilians near the border on Monday." },
        { "'where' without a comma restricts a noun", "The troops visited the base where the attack happened last week." },
        { "a joiner inside a quotation belongs to what was said", "“We will stay, but we will not fight,” the minister said on Monday." },
        { "a joiner inside brackets belongs to the aside", "The coalition (which Canada joined in 2014, but Spain left in 2019) trained 5,000 soldiers." },
        { "'whose' describes the person just named", "Sajjan will meet his Danish counterpart, whose country will take over the NATO mission later this year." },
        { "a comma before 'and' in a list of clauses' objects", "The ministry cut pensions, wages, and benefits by 3 per cent in 2020." },
        { "', but' followed by a participle is a fragment", "The soldiers stayed in the country, but confined to their base for the week." },
        { "a sentence may open with 'Where': it is no joiner there", "Where the troops went next is not known, officials said on Monday." },
        { "'not only X, but Y' is one correlative assertion", "The plan not only cut taxes by 3 per cent, but it also raised the deficit." },
        { "a compound subject after a subordinate word before a bare 'and'", "The crisis began in a week in which the US and Iran came to the brink of war." },
    };

    [Theory]
    [MemberData(nameof(StaysOne))]
    public void A_sentence_of_one_assertion_stays_one_claim(string why, string sentence)
    {
        var parts = Parts(sentence, out var article);
        Assert.True(parts.Count == 1, $"{why}: split into {string.Join(" | ", parts.Select(p => article[p.Start..p.End]))}");
        Assert.Equal(sentence, article[parts[0].Start..parts[0].End]);
    }

    public static TheoryData<string, string, int, string> Statements => new()
    {
        { "a leading pronoun takes the first part's subject", "The new democrats say they support the mission, but they want the government to withdraw 200 troops.", 1, "The new democrats want the government to withdraw 200 troops." },
        { "'he' takes a titled name", "Prime Minister Justin Trudeau visited the troops in Kuwait, but he did not meet Iraqi officials.", 1, "Prime Minister Justin Trudeau did not meet Iraqi officials." },
        { "'it' takes a singular subject", "The ministry published the figures in May, but it has not released the methodology.", 1, "The ministry has not released the methodology." },
        { "a pronoun that does not agree is left alone", "The soldiers left the base on Monday, but it remained under Iraqi control.", 1, "It remained under Iraqi control." },
        { "the first part ends with a full stop", "Nobody was injured in the attacks, but the army later shot down an airliner.", 0, "Nobody was injured in the attacks." },
        { "a part is capitalised", "Nobody was injured in the attacks, but the army later shot down an airliner.", 1, "The army later shot down an airliner." },
        { "'where' becomes the place it stands for", "Iran fired missiles at a base near Irbil, where Canadian troops have trained Kurdish fighters since 2014.", 1, "At a base near Irbil, Canadian troops have trained Kurdish fighters since 2014." },
        { "a trailing attribution covers the parts before it", "Nobody was hurt in the blast, but two buildings collapsed, according to the RCMP.", 0, "Nobody was hurt in the blast, according to the RCMP." },
        { "the attributed part keeps its own attribution once", "Nobody was hurt in the blast, but two buildings collapsed, according to the RCMP.", 1, "Two buildings collapsed, according to the RCMP." },
        { "a leading 'X says' covers only its own clause", "The union says wages fell by 2 per cent, but the ministry reported a rise of 1 per cent.", 1, "The ministry reported a rise of 1 per cent." },
        { "a leading time dates every part", "On Monday, the army withdrew 200 troops, but the navy kept its ships in the Gulf.", 1, "On Monday, the navy kept its ships in the Gulf." },
        { "a part with its own time is not dated again", "On Monday, the army withdrew 200 troops, but the navy kept its ships in the Gulf until Friday.", 1, "The navy kept its ships in the Gulf until Friday." },
        { "a sentence that does not split keeps its text as its statement", "Canada leads that mission, which is largely located around Baghdad.", 0, "Canada leads that mission, which is largely located around Baghdad." },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_parts_statement_carries_the_context_it_needs_from_its_sentence(string why, string sentence, int part, string statement)
    {
        var parts = Parts(sentence, out _);
        Assert.True(part < parts.Count, $"{why}: only {parts.Count} parts");
        Assert.True(statement == parts[part].Statement, $"{why}: got '{parts[part].Statement}'");
    }

    public static TheoryData<int, string[], string[]> SampleSentences => new()
    {
        {
            17,
            ["The new democrats say they support Canada’s efforts to train Iraqi forces through the NATO military alliance", "they want the liberal government to withdraw the estimated 200 special forces that have worked in Iraq as part of the US led anti-ISIL coalition since 2014."],
            ["The new democrats say they support Canada’s efforts to train Iraqi forces through the NATO military alliance.", "The new democrats want the liberal government to withdraw the estimated 200 special forces that have worked in Iraq as part of the US led anti-ISIL coalition since 2014."]
        },
        {
            2477,
            ["These fears proved to be justified when Iran launched ballistic missile attacks on two military bases in Iraq last Tuesday, including one outside the northern city of Irbil", "where Canadian special forces have been active for the past five years."],
            ["These fears proved to be justified when Iran launched ballistic missile attacks on two military bases in Iraq last Tuesday, including one outside the northern city of Irbil.", "In the northern city of Irbil, Canadian special forces have been active for the past five years."]
        },
        {
            2724,
            ["Nobody was injured in the attacks", "the Iranian army later shot down a commercial aircraft that carried 176 people that night, including 57 Canadians and dozens of others flying to Canada."],
            ["Nobody was injured in the attacks.", "The Iranian army later shot down a commercial aircraft that carried 176 people that night, including 57 Canadians and dozens of others flying to Canada."]
        },
        { 2916, ["Iran has apologized and an investigation is ongoing."], ["Iran has apologized and an investigation is ongoing."] },
        {
            3386,
            ["Many Iraqi parliamentarians have boycotted the vote", "the departing Prime Minister Adil Abdul-Mahdi has expressed his support for it."],
            ["Many Iraqi parliamentarians have boycotted the vote.", "The departing Prime Minister Adil Abdul-Mahdi has expressed his support for it."]
        },
        { 875, ["The divergent views follow not only an extremely explosive and unpredictable week in which the US and Iran came to the brink of war, but also mixed assessments in recent months of the progress in training the Iraqi army and exterminating ISIL ."], ["The divergent views follow not only an extremely explosive and unpredictable week in which the US and Iran came to the brink of war, but also mixed assessments in recent months of the progress in training the Iraqi army and exterminating ISIL ."] },
        { 2970, ["While the threat of conflict seemed to have subsided when Iran and the West faced that tragedy, Canadian troops remained locked on Monday, a day after rockets hit an Iraqi base north of Baghdad."], ["While the threat of conflict seemed to have subsided when Iran and the West faced that tragedy, Canadian troops remained locked on Monday, a day after rockets hit an Iraqi base north of Baghdad."] },
    };

    [Theory]
    [MemberData(nameof(SampleSentences))]
    public void The_sample_articles_sentences_split_where_they_join_assertions(int sentenceStart, string[] spans, string[] statements)
    {
        var article = SampleArticle.Text;
        var sentence = SentenceSplitter.Sentences(article).Single(s => s.Start == sentenceStart);
        var parts = AtomicClaims.Parts(article, sentence);
        Assert.Equal(spans, parts.Select(p => article[p.Start..p.End]));
        Assert.Equal(statements, parts.Select(p => p.Statement));
    }

    [Fact]
    public void Only_four_sentences_of_the_sample_article_split_and_no_part_is_a_fragment()
    {
        var article = SampleArticle.Text;
        var split = SentenceSplitter.Sentences(article).Select(s => AtomicClaims.Parts(article, s)).Where(parts => parts.Count > 1).ToList();
        Assert.Equal([2, 2, 2, 2], split.Select(parts => parts.Count));
        Assert.All(split.SelectMany(parts => parts), p => Assert.False(NewsCues.IsNeverAClaim(p.Statement, quoted: false), $"fragment: {p.Statement}"));
    }

    [Fact]
    public void A_span_a_person_chose_gets_the_same_context_as_a_detected_part()
    {
        var article = SampleArticle.Text;
        const string chosen = "where Canadian special forces have been active for the past five years";
        var start = article.IndexOf(chosen, StringComparison.Ordinal);
        Assert.Equal("In the northern city of Irbil, Canadian special forces have been active for the past five years.", AtomicClaims.Statement(article, start, start + chosen.Length));

        const string withJoiner = ", but they want the liberal government";
        var at = article.IndexOf(withJoiner, StringComparison.Ordinal);
        var end = article.IndexOf("since 2014.", at, StringComparison.Ordinal) + "since 2014".Length;
        Assert.StartsWith("The new democrats want the liberal government to withdraw", AtomicClaims.Statement(article, at, end), StringComparison.Ordinal);
        Assert.EndsWith("since 2014.", AtomicClaims.Statement(article, at, end), StringComparison.Ordinal);
    }
}
