using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace FactCheck.Detection.Matching;

/// <summary>
/// What the matcher reads in a text besides its words: the query cleaned of what never states a fact
/// (links, a tweet's author line), the figures it states and the names it capitalises.
/// </summary>
public static partial class MatchText
{
    /// <summary>Capitalised words that start sentences or shout, not names.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "i", "we", "you", "he", "she", "they", "there", "here",
        "what", "when", "where", "why", "how", "who", "which", "and", "but", "or", "so", "if", "in", "on", "at", "of", "to", "for",
        "from", "by", "with", "as", "is", "are", "was", "were", "be", "do", "does", "did", "not", "no", "yes", "my", "our", "your",
        "his", "her", "their", "all", "just", "new", "now", "breaking", "watch", "video", "photo", "fact", "check", "rt", "omg",
        "lol", "wow", "please", "thank", "thanks", "today", "after", "before", "then", "also", "even", "one", "will", "can", "has",
        "have", "had", "said", "says", "more", "most", "very", "read", "see", "look", "only", "every", "some", "many",
    };

    [GeneratedRegex(@"https?://\S+|pic\.twitter\.com/\S+|www\.\S+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    /// <summary>A tweet's embedded signature: "— Author (@handle) January 6, 2020" at the end.</summary>
    [GeneratedRegex(@"\s*[—–]\s*[^—–]*\(@\w+\)[^—–]*$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLine();

    [GeneratedRegex(@"[@#](\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    /// <summary>Word boundaries inside a hashtag or handle: "FreeIran2020" is "Free Iran 2020".</summary>
    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})|_", RegexOptions.CultureInvariant)]
    private static partial Regex InnerBoundary();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Space();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    /// <summary>
    /// The text without links, a tweet's author line, and the @ and # of handles and hashtags (their words
    /// stay: "@realDonaldTrump" names Donald Trump, "#FreeIran2020" says Iran).
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cleaned = WebUtility.HtmlDecode(text);
        cleaned = AuthorLine().Replace(cleaned, " ");
        cleaned = Link().Replace(cleaned, " ");
        cleaned = Tag().Replace(cleaned, m => " " + InnerBoundary().Replace(m.Groups[1].Value, " ") + " ");
        return Space().Replace(cleaned, " ").Trim();
    }

    /// <summary>The values of the figures the text states, as invariant strings ("70 per cent" and "70%" are both "70").</summary>
    public static IReadOnlySet<string> Figures(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return QuantityRecognizer.Find(text, 0, text.Length)
            .Where(q => q.Value is not null)
            .Select(q => q.Value!.Value.ToString("R", CultureInfo.InvariantCulture))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Capitalised words that are not common sentence starters, lower-cased: "Obama", "Guantanamo", "NASA".</summary>
    public static IReadOnlySet<string> Names(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Word().Matches(text))
        {
            if (!char.IsUpper(m.Value[0]) || m.Value.Length < 2)
                continue;
            var word = Normal(m.Value);
            if (!NotNames.Contains(word) && !char.IsDigit(word[0]))
                names.Add(word);
        }

        return names;
    }

    /// <summary>All the text's words, lower-cased, without a possessive: what a query's names are looked for in.</summary>
    public static IReadOnlySet<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Word().Matches(text).Select(m => Normal(m.Value)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Normal(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal) ? lower[..^2] : lower;
    }
}
