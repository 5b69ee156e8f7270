namespace FactCheck.Detection;

/// <summary>
/// Finds an article's check-worthy claims: splits it into sentences, scores each with the trained
/// check-worthiness model, adjusts the score by news cues, drops what can never be a claim, proposes a
/// check-worthy sentence that joins independent assertions as its atomic parts (<see cref="AtomicClaims"/>),
/// and attaches quantities, the speaker and links between claims that state the same fact.
/// </summary>
public sealed class ClaimDetector(ICheckWorthinessModel model) : IClaimDetector
{
    /// <summary>The final score a sentence, or a part of one, needs to become a claim.</summary>
    public const double ClaimThreshold = 0.5;

    public IReadOnlyList<DetectedClaim> Detect(string articleText)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        var sentences = SentenceSplitter.Sentences(articleText)
            .Select(s => (Sentence: s, Text: s.TextOf(articleText)))
            .Where(s => !NewsCues.IsNeverAClaim(s.Text, s.Sentence.Quoted))
            .Select(s => (s.Sentence, s.Text, Parts: CandidateParts(articleText, s.Sentence)))
            .ToList();
        if (sentences.Count == 0)
            return [];

        // One batch for the model (its cost is per call as much as per sentence): every sentence, then
        // the statements of the parts of the sentences that split.
        var texts = sentences.Select(s => s.Text).Concat(sentences.SelectMany(s => s.Parts.Select(p => p.Statement))).ToList();
        var embeddings = model.Embed(texts);
        var probabilities = model.Score(texts, embeddings);
        var found = new List<DetectedClaim>();
        var partIndex = sentences.Count;
        for (var i = 0; i < sentences.Count; i++)
        {
            var (sentence, text, parts) = sentences[i];
            var first = partIndex;
            partIndex += parts.Count;
            var speaker = SpeakerFinder.Find(text);
            var whole = Scored(articleText, sentence.Start, sentence.End, text, speaker, probabilities[i], embeddings[i]);
            if (whole.Score < ClaimThreshold)
                continue;

            // The sentence decides whether there is a claim, its parts how many: a part that fails on its
            // own is not proposed, and unless two parts pass the sentence stays one claim, so a
            // check-worthy sentence is never lost to a split.
            var atomic = parts
                .Select((p, j) => Scored(articleText, p.Start, p.End, p.Statement, PartSpeaker(articleText[p.Start..p.End], p.Statement, speaker), probabilities[first + j], embeddings[first + j]))
                .Where(p => p.Score >= ClaimThreshold)
                .ToList();
            if (atomic.Count >= 2)
                found.AddRange(atomic.Select(p => p.Claim));
            else
                found.Add(whole.Claim);
        }

        var duplicates = DuplicateLinker.Link([.. found.Select(c => (c.Statement ?? c.Text, c.Quantities))]);
        return [.. found.Select((c, i) => c with { DuplicateOf = duplicates[i] })];
    }

    public DetectedClaim Describe(string articleText, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, articleText.Length);
        // A chosen span is scored as it is checked: with the context its sentence gives it.
        var statement = AtomicClaims.Statement(articleText, start, end);
        var embeddings = model.Embed([statement]);
        var probability = model.Score([statement], embeddings)[0];
        var sentence = SentenceSplitter.Sentences(articleText).FirstOrDefault(s => s.Start <= start && end <= s.End);
        var speaker = PartSpeaker(articleText[start..end], statement, sentence is null ? null : SpeakerFinder.Find(sentence.TextOf(articleText)));
        return Scored(articleText, start, end, statement, speaker, probability, embeddings[0]).Claim;
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

    /// <summary>The parts of a sentence that splits, without those that could never be a claim (a fragment, a question); none when fewer than two remain.</summary>
    private static List<ClaimPart> CandidateParts(string articleText, Sentence sentence)
    {
        var parts = AtomicClaims.Parts(articleText, sentence);
        if (parts.Count < 2)
            return [];
        var kept = parts.Where(p => !NewsCues.IsNeverAClaim(p.Statement, sentence.Quoted)).ToList();
        return kept.Count < 2 ? [] : kept;
    }

    /// <summary>
    /// A part's own attribution, else its sentence's when the statement names that speaker (a trailing
    /// "said X" it was given, a subject it took over). The part's own text is searched, not the statement:
    /// a subject put in front of "they want ... the estimated 200" would read as the speaker of "estimated".
    /// </summary>
    private static string? PartSpeaker(string text, string statement, string? sentenceSpeaker) =>
        SpeakerFinder.Find(text) ?? (sentenceSpeaker is not null && statement.Contains(sentenceSpeaker, StringComparison.OrdinalIgnoreCase) ? sentenceSpeaker : null);

    /// <summary>The claim a span makes, with its final score unrounded (the threshold is applied to that).</summary>
    private (DetectedClaim Claim, double Score) Scored(string articleText, int start, int end, string statement, string? speaker, double probability, float[] embedding)
    {
        var quantities = QuantityRecognizer.Find(articleText, start, end);
        var score = Math.Clamp(Calibrate(probability) + NewsCues.Adjustment(statement, quantities, speaker), 0, 1);
        var text = articleText[start..end];
        return (new DetectedClaim(start, end, text, Math.Round(score, 3), speaker, quantities, Embedding: embedding, Statement: statement == text ? null : statement), score);
    }

    /// <summary>Maps the model's probability so that its own threshold lands on <see cref="ClaimThreshold"/>.</summary>
    private double Calibrate(double probability) =>
        probability < model.Threshold
            ? ClaimThreshold * probability / model.Threshold
            : ClaimThreshold + ((1 - ClaimThreshold) * (probability - model.Threshold) / (1 - model.Threshold));
}
