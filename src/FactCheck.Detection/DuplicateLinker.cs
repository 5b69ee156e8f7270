using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Links claims within an article that state the same fact ("the estimated 200 special forces ...
/// since 2014" and "A similar number of Canadian special-forces soldiers ... since 2014"): they share
/// most of their content words and at least one anchor (a number or a date). The threshold is set on
/// the examples in the detection tests.
/// </summary>
public static partial class DuplicateLinker
{
    public const double Threshold = 0.6;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as", "that", "which",
        "who", "whom", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
        "it", "its", "their", "they", "them", "he", "she", "his", "her", "we", "our", "i", "you", "not", "no", "also",
        "part", "said", "says", "say", "than", "more", "into", "about", "around", "some", "such", "there", "what", "when",
        "where", "while", "would", "will", "can", "could", "may", "might", "should", "do", "does", "did", "so", "if",
    };

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>For each claim, the index of the earlier claim it repeats, or null.</summary>
    public static int?[] Link(IReadOnlyList<(string Text, IReadOnlyList<Quantity> Quantities)> claims)
    {
        var keys = claims.Select(c => ContentWords(c.Text)).ToList();
        var result = new int?[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var best = Threshold;
            for (var j = 0; j < i; j++)
            {
                if (!ShareAnchor(claims[i].Quantities, claims[j].Quantities) || TimesDiffer(claims[i].Quantities, claims[j].Quantities))
                    continue;
                var similarity = Similarity(keys[i], keys[j]);
                if (similarity >= best)
                {
                    best = similarity;
                    result[i] = result[j] ?? j;
                }
            }
        }

        return result;
    }

    /// <summary>How much of the shorter claim's content the longer one also says (0–1).</summary>
    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / Math.Min(a.Count, b.Count);
    }

    /// <summary>The same number, year or counted thing: two claims about different figures are different facts.</summary>
    private static bool ShareAnchor(IReadOnlyList<Quantity> a, IReadOnlyList<Quantity> b) =>
        a.Any(x => b.Any(y => (x.Value is { } vx && y.Value is { } vy && vx == vy) || (x.Unit is { } ux && ux == y.Unit && x.Kind == QuantityKind.Count)));

    /// <summary>Both say when, and never the same when: the same event at another time is another fact.</summary>
    private static bool TimesDiffer(IReadOnlyList<Quantity> a, IReadOnlyList<Quantity> b)
    {
        static List<Quantity> Times(IReadOnlyList<Quantity> q) => [.. q.Where(x => x.Kind is QuantityKind.Year or QuantityKind.Date or QuantityKind.Period)];
        var (ta, tb) = (Times(a), Times(b));
        return ta.Count > 0 && tb.Count > 0
            && !ta.Any(x => tb.Any(y => (x.Value is not null && x.Value == y.Value) || string.Equals(x.Text, y.Text, StringComparison.OrdinalIgnoreCase)));
    }

    public static HashSet<string> ContentWords(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => !StopWords.Contains(w) && w.Length > 1)];

    /// <summary>A light suffix stripper: enough to match "working"/"worked", "forces"/"force".</summary>
    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
            return word[..^3];
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
            return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }
}
