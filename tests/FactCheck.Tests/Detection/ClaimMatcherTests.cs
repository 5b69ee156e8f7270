using FactCheck.Detection;
using FactCheck.Detection.Matching;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace FactCheck.Tests.Detection;

/// <summary>The claim matcher on a handful of hand-written checked claims, with the shipped embedding model.</summary>
public sealed class ClaimMatcherTests : IDisposable
{
    private static readonly MatchCandidate[] Checked =
    [
        new("troops-canada", "Canada has had about 200 special forces soldiers in northern Iraq since 2014.", "Are 200 Canadian Special Forces in Iraq?"),
        new("troops-australia", "Australia has had about 300 special forces soldiers in Afghanistan since 2015.", "Are 300 Australian Special Forces in Afghanistan?"),
        new("lemon", "Drinking hot water with lemon cures the coronavirus.", "Does Lemon Water Cure COVID-19?"),
        new("microchips", "Bill Gates plans to implant microchips in people through vaccines.", "Is Bill Gates Putting Microchips in Vaccines?"),
        new("eiffel", "The Eiffel Tower will be demolished in 2025 to make room for a stadium.", "Will the Eiffel Tower Be Torn Down?"),
        new("income", "Finland pays every citizen a monthly basic income of 560 euros."),
        new("guantanamo", "122 detainees released from Guantanamo Bay under President Obama returned to terrorism.", "Did 122 Guantanamo Prisoners Return to the Battlefield?"),
        new("unemployment", "The unemployment rate fell to 3.5 percent in September, the lowest in 50 years."),
    ];

    private readonly ClaimMatcher _matcher = new(CheckWorthinessModel.Shared.Embed);

    public ClaimMatcherTests() => _matcher.Add(Checked);

    public void Dispose() => _matcher.Dispose();

    [Theory]
    [InlineData("Microsoft's founder wants to put tracking chips into everybody with a vaccine", "microchips")]
    [InlineData("Sipping warm lemon water kills COVID-19, share with your family!", "lemon")]
    [InlineData("Paris is going to tear down the Eiffel Tower for a new stadium", "eiffel")]
    [InlineData("Joblessness dropped to 3.5% last month, a 50-year low", "unemployment")]
    [InlineData("Obama let 122 Gitmo prisoners go and they went back to the fight", "guantanamo")]
    public void The_same_fact_in_other_words_ranks_first(string query, string expected)
    {
        var suggestions = _matcher.Match(query);

        Assert.Equal(expected, suggestions[0].Id);
    }

    [Fact]
    public void A_tweets_links_and_author_line_do_not_get_in_the_way()
    {
        var suggestions = _matcher.Match("Bill Gates wants microchips in your vaccine #BillGates pic.twitter.com/abc123 — Some One (@someone) January 6, 2020");

        Assert.Equal("microchips", suggestions[0].Id);
        Assert.Contains("gates", suggestions[0].SharedNames);
    }

    [Fact]
    public void Shared_figures_and_names_lift_a_candidate()
    {
        var same = _matcher.Match("Canada keeps 200 special forces soldiers in Iraq", k: 8).Single(s => s.Id == "troops-canada");
        var otherFigure = _matcher.Match("Canada keeps 900 special forces soldiers in Iraq", k: 8).Single(s => s.Id == "troops-canada");
        var otherName = _matcher.Match("Norway keeps 200 special forces soldiers in Iraq", k: 8).Single(s => s.Id == "troops-canada");

        Assert.Equal(["200"], same.SharedFigures);
        Assert.Contains("canada", same.SharedNames);
        Assert.Equal(1, otherFigure.Features.FiguresConflict);
        Assert.True(same.Score > otherFigure.Score, $"{same.Score:F3} with the figure, {otherFigure.Score:F3} without");
        Assert.True(same.Score > otherName.Score, $"{same.Score:F3} with the name, {otherName.Score:F3} without");
    }

    [Fact]
    public void The_figure_decides_between_two_claims_alike_in_words()
    {
        Assert.Equal("troops-australia", _matcher.Match("There are 300 special forces soldiers in Afghanistan")[0].Id);
        Assert.Equal("troops-canada", _matcher.Match("There are 200 special forces soldiers in Iraq")[0].Id);
    }

    [Fact]
    public void The_index_scores_with_bm25_when_writing_and_searching()
    {
        var (writer, searcher) = _matcher.Similarities;

        Assert.IsType<BM25Similarity>(writer);
        Assert.IsType<BM25Similarity>(searcher);
    }

    [Fact]
    public void Scores_are_probabilities_best_first_with_a_confidence_level_from_the_thresholds()
    {
        var suggestions = _matcher.Match("Bill Gates puts microchips in vaccines", k: 8);

        Assert.InRange(suggestions.Count, 2, 8);
        Assert.All(suggestions, s => Assert.InRange(s.Score, 0, 1));
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.Id), suggestions.Select(s => s.Id));
        Assert.All(suggestions, s => Assert.Equal(_matcher.Weights.Confidence(s.Score), s.Confidence));
        Assert.Equal(MatchConfidence.High, suggestions[0].Confidence);
        Assert.Equal(MatchConfidence.Low, suggestions[^1].Confidence);
        Assert.Equal(3, _matcher.Match("Bill Gates puts microchips in vaccines", k: 3).Count);
    }

    [Fact]
    public void Nothing_checked_before_is_at_most_low_confidence()
    {
        var suggestions = _matcher.Match("My neighbour's cat sleeps on the sofa all afternoon.");

        Assert.All(suggestions, s => Assert.Equal(MatchConfidence.Low, s.Confidence));
    }

    [Fact]
    public void Confidence_levels_follow_the_thresholds()
    {
        var weights = MatchWeights.Default.WithThresholds(highFrom: 0.6, mediumFrom: 0.3);

        Assert.Equal(MatchConfidence.High, weights.Confidence(0.6));
        Assert.Equal(MatchConfidence.Medium, weights.Confidence(0.59));
        Assert.Equal(MatchConfidence.Medium, weights.Confidence(0.3));
        Assert.Equal(MatchConfidence.Low, weights.Confidence(0.29));
    }

    [Fact]
    public async Task Queries_run_concurrently_with_each_other_and_with_additions()
    {
        var queries = Enumerable.Range(0, 24).Select(i => Task.Run(() => _matcher.Match(i % 2 == 0
            ? "Sipping warm lemon water kills COVID-19"
            : "Bill Gates wants microchips in vaccines")));
        var additions = Task.Run(() =>
        {
            for (var i = 0; i < 10; i++)
                _matcher.Add(new MatchCandidate($"extra-{i}", $"Town number {i} renamed its main street after a local baker.", null, new float[SentenceEmbedder.Dimensions]));
        });

        var results = await Task.WhenAll(queries);
        await additions;

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal("lemon", r[0].Id));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal("microchips", r[0].Id));
        Assert.Equal(Checked.Length + 10, _matcher.Count);
    }

    [Fact]
    public void Candidates_are_added_replaced_and_removed_one_at_a_time()
    {
        _matcher.Add(new MatchCandidate("moon", "The Moon landing in 1969 was filmed in a studio."));
        Assert.Equal("moon", _matcher.Match("Apollo 11 never went to the Moon in 1969, it was staged")[0].Id);

        _matcher.Add(new MatchCandidate("moon", "Penguins can fly short distances over the Antarctic ice."));
        Assert.Equal("moon", _matcher.Match("Penguins fly over the Antarctic")[0].Id);
        Assert.Equal(Checked.Length + 1, _matcher.Count);

        Assert.True(_matcher.Remove("moon"));
        Assert.False(_matcher.Remove("moon"));
        Assert.DoesNotContain(_matcher.Match("Penguins fly over the Antarctic", k: 20), s => s.Id == "moon");
        Assert.Equal(Checked.Length, _matcher.Count);
    }

    [Fact]
    public void An_index_in_a_directory_comes_back_with_its_candidates_and_embeddings()
    {
        using var directory = new RAMDirectory();
        using (var first = new ClaimMatcher(CheckWorthinessModel.Shared.Embed, directory: directory))
            first.Add(Checked);

        // No embedder the second time: the cosine features come from the stored embeddings of the candidates.
        var query = "Sipping warm lemon water kills COVID-19";
        using var again = new ClaimMatcher(directory: directory);
        var suggestion = again.Match(query, CheckWorthinessModel.Shared.Embed([MatchText.Clean(query)])[0])[0];

        Assert.Equal(Checked.Length, again.Count);
        Assert.Equal("lemon", suggestion.Id);
        Assert.True(suggestion.Features.CosineClaim > 0.5, $"cosine {suggestion.Features.CosineClaim:F3}");
    }

    [Fact]
    public void Without_an_embedder_matching_is_lexical()
    {
        using var lexical = new ClaimMatcher();
        lexical.Add(Checked);

        var suggestions = lexical.Match("Will they tear down the Eiffel Tower in 2025?");

        Assert.Equal("eiffel", suggestions[0].Id);
        Assert.Equal(0, suggestions[0].Features.CosineClaim);
    }

    [Fact]
    public void A_tweet_is_cleaned_of_links_its_author_line_and_the_marks_of_tags()
    {
        var cleaned = MatchText.Clean("OMG! Iran&#39;s bounty on @realDonaldTrump #FreeIran2020pic.twitter.com/uB3zOG5EKA https://t.co/x — M. Hanif Jazayeri (@HanifJazayeri) January 5, 2020");

        Assert.Equal("OMG! Iran's bounty on real Donald Trump Free Iran 2020", cleaned);
    }

    [Fact]
    public void Figures_and_names_are_read_as_values_and_lower_case_words()
    {
        Assert.Equal(["70"], MatchText.Figures("70 per cent of those arrested"));
        Assert.Equal(["70"], MatchText.Figures("70% of those arrested"));
        Assert.Equal(["charlotte", "obama"], MatchText.Names("The protesters in Charlotte blamed Obama's policy.").Order());
    }

    [Fact]
    public void Fitting_learns_which_feature_tells_the_relevant_candidate()
    {
        var examples = Enumerable.Range(0, 200).Select(i =>
        {
            var relevant = i % 10 == 0;
            var figures = relevant ? 1.0 : (i % 3) / 10.0;
            return (new MatchFeatures(0.5, 0.5, 0.5, 0.5, 0.8, 0.8, 0, 0.5, figures, 0, 0, 0, 0.5, 0.5), relevant);
        }).ToList();

        var weights = MatchWeights.Fit(examples);

        Assert.True(weights.Coefficients[8] > 1, $"figures coefficient {weights.Coefficients[8]:F3}");
        Assert.True(weights.Score(examples[0].Item1) > 0.5 && weights.Score(examples[1].Item1) < 0.5);
    }

    [Fact]
    public void Listwise_fitting_ranks_each_querys_relevant_candidate_first_and_scores_it_as_a_probability()
    {
        static MatchFeatures Candidate(double cosine, double figures) => new(0.5, 0.5, 0.5, 0.5, cosine, cosine, 0, 0.5, figures, 0, 0, 0, 0.5, 0.5);
        var pools = Enumerable.Range(0, 40).Select(q => (IReadOnlyList<(MatchFeatures, bool)>)
        [
            (Candidate(0.80 + (q % 5 / 100.0), 1), true),
            (Candidate(0.85, q % 2 == 0 ? 0.5 : 0), false),
            (Candidate(0.70, 0), false),
        ]).ToList();

        var weights = MatchWeights.FitListwise(pools);

        Assert.All(pools, pool => Assert.True(pool[0].Item1 is var relevant && pool.Skip(1).All(other => weights.Score(relevant) > weights.Score(other.Item1))));
        Assert.All(pools.SelectMany(p => p), e => Assert.InRange(weights.Score(e.Item1), 0, 1));
    }
}
