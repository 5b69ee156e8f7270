namespace FactCheck.Detection;

/// <summary>
/// Finds an article's check-worthy claims: splits it into sentences, scores each with the trained
/// check-worthiness model, adjusts the score by news cues, drops what can never be a claim, and
/// attaches quantities, the speaker and links between claims that state the same fact.
/// </summary>
public sealed class ClaimDetector(ICheckWorthinessModel model) : IClaimDetector
{
    /// <summary>The final score a sentence needs to become a claim.</summary>
    public const double ClaimThreshold = 0.5;

    public IReadOnlyList<DetectedClaim> Detect(string articleText)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        var sentences = SentenceSplitter.Sentences(articleText)
            .Select(s => (Sentence: s, Text: s.TextOf(articleText)))
            .Where(s => !NewsCues.IsNeverAClaim(s.Text, s.Sentence.Quoted))
            .ToList();
        if (sentences.Count == 0)
            return [];

        var texts = sentences.Select(s => s.Text).ToList();
        var embeddings = model.Embed(texts);
        var probabilities = model.Score(texts, embeddings);
        var found = new List<DetectedClaim>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var (sentence, text) = sentences[i];
            var quantities = QuantityRecognizer.Find(articleText, sentence.Start, sentence.End);
            var speaker = SpeakerFinder.Find(text);
            var score = Math.Clamp(Calibrate(probabilities[i]) + NewsCues.Adjustment(text, quantities, speaker), 0, 1);
            if (score >= ClaimThreshold)
                found.Add(new DetectedClaim(sentence.Start, sentence.End, text, Math.Round(score, 3), speaker, quantities, Embedding: embeddings[i]));
        }

        var duplicates = DuplicateLinker.Link([.. found.Select(c => (c.Text, c.Quantities))]);
        return [.. found.Select((c, i) => c with { DuplicateOf = duplicates[i] })];
    }

    public DetectedClaim Describe(string articleText, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, articleText.Length);
        var text = articleText[start..end];
        var embeddings = model.Embed([text]);
        var probability = model.Score([text], embeddings)[0];
        var quantities = QuantityRecognizer.Find(articleText, start, end);
        var speaker = SpeakerFinder.Find(text);
        var score = Math.Clamp(Calibrate(probability) + NewsCues.Adjustment(text, quantities, speaker), 0, 1);
        return new DetectedClaim(start, end, text, Math.Round(score, 3), speaker, quantities, Embedding: embeddings[0]);
    }

    /// <summary>
    /// At most <paramref name="max"/> claims: the most check-worthy, in article order, with links to a
    /// claim left out dropped and the others renumbered.
    /// </summary>
    public static IReadOnlyList<DetectedClaim> KeepMostCheckWorthy(IReadOnlyList<DetectedClaim> claims, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (claims.Count <= max)
            return claims;
        var kept = Enumerable.Range(0, claims.Count).OrderByDescending(i => claims[i].Score).ThenBy(i => i).Take(max).Order().ToList();
        var newIndex = kept.Select((old, index) => (old, index)).ToDictionary(x => x.old, x => x.index);
        return [.. kept.Select(i => claims[i] with { DuplicateOf = claims[i].DuplicateOf is { } d && newIndex.TryGetValue(d, out var n) ? n : null })];
    }

    /// <summary>Maps the model's probability so that its own threshold lands on <see cref="ClaimThreshold"/>.</summary>
    private double Calibrate(double probability) =>
        probability < model.Threshold
            ? ClaimThreshold * probability / model.Threshold
            : ClaimThreshold + ((1 - ClaimThreshold) * (probability - model.Threshold) / (1 - model.Threshold));
}
