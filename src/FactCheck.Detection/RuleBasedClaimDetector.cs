using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// A first, transparent detector: a sentence is check-worthy when it states something concrete
/// (numbers, dates, named actors, reported facts) and is not a question, a byline or a publication note.
/// </summary>
public sealed partial class RuleBasedClaimDetector : IClaimDetector
{
    public const double Threshold = 0.5;

    [GeneratedRegex(@"\b(?:said|says|told|warned|announced|reported|according to)\b\s+((?:[A-Z][\w’'-]*\s?){1,5})", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerAfterVerb();

    [GeneratedRegex(@"((?:[A-Z][\w’'-]*\s?){1,4}|Officials|officials)\s+(?:have\s+|has\s+)?(?:said|say|says|warned)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerBeforeVerb();

    [GeneratedRegex(@"\b(?:was first published|The Canadian Press$|^By\s)", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationNote();

    [GeneratedRegex(@"\b(?:we think|I think|we believe|in my opinion|should|unpredictable partner)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpinionCue();

    [GeneratedRegex(@"\b(?:has|have|had|was|were|is|are|launched|killed|shot|carried|leads|adopted|boycotted|injured|apologized|suspended|hit|rely|comprises|painted|worked|working|active|take over)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FactualVerb();

    [GeneratedRegex(@"\b(?:last|next|this)\s+(?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\blater this year\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateCue();

    public IReadOnlyList<DetectedClaim> Detect(string articleText)
    {
        ArgumentNullException.ThrowIfNull(articleText);
        var claims = new List<DetectedClaim>();
        foreach (var span in SentenceSplitter.Split(articleText))
        {
            var sentence = articleText[span.Start..span.End];
            var quantities = QuantityRecognizer.Find(articleText, span.Start, span.End);
            var score = Score(sentence, quantities.Count);
            if (score < Threshold)
                continue;
            claims.Add(new DetectedClaim(span.Start, span.End, sentence, score, FindSpeaker(sentence), quantities));
        }

        return claims;
    }

    private static double Score(string sentence, int quantityCount)
    {
        if (sentence.Length < 20 || sentence.TrimEnd().EndsWith('?') || PublicationNote().IsMatch(sentence))
            return 0;
        if (!sentence.Contains(' ', StringComparison.Ordinal) || sentence.Split(' ').Length < 5)
            return 0;

        var score = 0.3;
        if (quantityCount > 0)
            score += 0.3;
        if (DateCue().IsMatch(sentence))
            score += 0.15;
        if (FactualVerb().IsMatch(sentence))
            score += 0.25;
        if (sentence.Skip(1).Any(char.IsUpper))
            score += 0.1;
        if (OpinionCue().IsMatch(sentence))
            score -= 0.4;
        if (sentence.TrimStart().StartsWith('“') || sentence.TrimStart().StartsWith('"'))
            score -= 0.3;
        return Math.Clamp(score, 0, 1);
    }

    private static string? FindSpeaker(string sentence)
    {
        var after = SpeakerAfterVerb().Match(sentence);
        if (after.Success)
            return after.Groups[1].Value.Trim();
        var before = SpeakerBeforeVerb().Match(sentence);
        return before.Success ? before.Groups[1].Value.Trim() : null;
    }
}
