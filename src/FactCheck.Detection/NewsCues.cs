using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// What news prose says about a sentence beyond what a debate-trained classifier sees: concrete
/// figures, dates and attributions make a statement of fact; bylines, publication notes, questions
/// and quoted first-person opinion are not claims at all.
/// </summary>
public static partial class NewsCues
{
    [GeneratedRegex(@"\b(?:was|were) first published\b|\bThis (?:report|story|article) (?:from|by|was)\b|^\s*(?:By|Reporting by|Editing by|With files from)\b|\bAll rights reserved\b|^\s*(?:Photo|Image|File photo)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PublicationNote();

    [GeneratedRegex(@"^[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3},\s+(?:The\s+)?[A-Z][\w’'&.-]+(?:\s+[A-Z][\w’'&.-]+){0,4}\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"\b(?:I|we|We|my|My|our|Our|us|me)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:I think|we think|I believe|we believe|in my view|in my opinion|I feel|we feel|should|ought to|must not|it is time|let's|let us)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpinionCue();

    [GeneratedRegex(@"\b(?:may|might|could|possibly|perhaps|reportedly|allegedly|appears? to|seems? to)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(?:[a-z]+ed|[a-z]+en|did|won|lost|shot|hit|led|leads|left|took|made|saw|began|killed|launched|passed|adopted|boycotted|injured|apologized|suspended|rely|relies|remain|remains|comprises|continues?|is ongoing|has been|have been|was|were|is|are|will)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FiniteVerb();

    /// <summary>True when the sentence can never be a work item, whatever the classifier says.</summary>
    public static bool IsNeverAClaim(string sentence, bool quoted)
    {
        var trimmed = sentence.Trim().Trim('“', '”', '"', ' ');
        var words = trimmed.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (words < 4 || trimmed.EndsWith('?'))
            return true;
        if (PublicationNote().IsMatch(trimmed) || Byline().IsMatch(trimmed))
            return true;
        // A quotation in the first person is the speaker's view, not a checkable statement of fact.
        return quoted && FirstPerson().IsMatch(trimmed);
    }

    /// <summary>An adjustment in [-0.5, 0.5] for the classifier's probability, from the sentence's news cues.</summary>
    public static double Adjustment(string sentence, IReadOnlyList<Quantity> quantities, string? speaker)
    {
        var adjustment = 0.0;
        if (quantities.Any(q => q.Kind is QuantityKind.Count or QuantityKind.Percent or QuantityKind.Money && q.Value is not null))
            adjustment += 0.25;
        else if (quantities.Count > 0)
            adjustment += 0.15;
        if (speaker is not null)
            adjustment += 0.1;
        if (FiniteVerb().IsMatch(sentence))
            adjustment += 0.1;
        if (OpinionCue().IsMatch(sentence))
            adjustment -= 0.3;
        if (Hedge().IsMatch(sentence))
            adjustment -= 0.05;
        return Math.Clamp(adjustment, -0.5, 0.5);
    }
}
