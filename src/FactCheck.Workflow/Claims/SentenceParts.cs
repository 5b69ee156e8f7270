using FactCheck.Detection;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// Claims that share a sentence of their article: the detector's atomic parts of one sentence (or
/// claims an editor added inside it), shown together and mergeable back into one claim.
/// </summary>
public static class SentenceParts
{
    /// <summary>The sentence of <paramref name="text"/> that holds <paramref name="claim"/>'s start, if any.</summary>
    public static Sentence? Around(string text, ClaimSpan claim) =>
        SentenceSplitter.Sentences(text).FirstOrDefault(s => s.Start <= claim.Start && claim.Start < s.End);

    /// <summary>The ids of the claims that are one of two or more open claims of their sentence.</summary>
    public static HashSet<Guid> SharingASentence(string text, IEnumerable<Claim> claims)
    {
        var open = claims.Where(c => !ClaimLifecycle.IsClosed(c.Status)).ToList();
        var sentences = SentenceSplitter.Sentences(text);
        return
        [
            .. open
                .GroupBy(c => sentences.FirstOrDefault(s => s.Start <= c.Start && c.End <= s.End))
                .Where(g => g.Key is not null && g.Count() > 1)
                .SelectMany(g => g.Select(c => c.Id)),
        ];
    }
}
