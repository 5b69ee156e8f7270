using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Who a sentence attributes its statement to, when it says so: "..., said Foreign Minister Jack Harris",
/// "Officials have said ...", "the report ... warned that ...", "according to the ministry".
/// </summary>
public static partial class SpeakerFinder
{
    private const string Verb = "said|says|say|told|tells|warned|warns|added|adds|noted|notes|stated|states|announced|announces|reported|reports|claimed|claims|argued|argues|estimated|estimates|found|finds|wrote|writes|confirmed|confirms|acknowledged|insisted";

    // "said Foreign Minister Jack Harris", "said the ministry"
    [GeneratedRegex(@"\b(?:" + Verb + @")\s+(?<who>(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,6}[A-Z][\w’'.-]*(?:\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*)?)(?=\s*(?:[,.;]|$|\s+(?:in|on|at|who|when|after|before|during|last|this)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex VerbThenSpeaker();

    // "according to the Pentagon", "according to Health Canada figures"
    [GeneratedRegex(@"\baccording to\s+(?<who>(?:the\s+)?(?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)(?=\s*[,.;]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    // "Officials have said their focus ...", "The report from the Inspector General's office ... also warned that ..."
    [GeneratedRegex(@"^(?:(?:However|But|And|Meanwhile|Still|Yet|Earlier|Later|In a statement|On Monday|On Tuesday|On Wednesday|On Thursday|On Friday),?\s+)?(?<who>(?:[\w’'().-]+\s+){0,14}?[\w’'().-]+?)\s+(?:(?:has|have|had|also|previously|repeatedly|later|earlier)\s+)*(?:" + Verb + @")\b(?!\s+(?:to|by)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SpeakerThenVerb();

    private static readonly HashSet<string> NotSpeakers = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "this", "that", "which", "who", "what", "there", "they", "he", "she", "we", "i", "you", "one", "some", "many", "others",
    };

    public static string? Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var after = VerbThenSpeaker().Match(sentence);
        if (after.Success && IsName(after.Groups["who"].Value))
            return Clean(after.Groups["who"].Value);

        var according = AccordingTo().Match(sentence);
        if (according.Success)
            return Clean(according.Groups["who"].Value);

        var before = SpeakerThenVerb().Match(sentence.TrimStart('“', '"', ' '));
        if (before.Success)
        {
            var who = Clean(before.Groups["who"].Value);
            if (who.Length > 0 && !NotSpeakers.Contains(who) && !ContainsClauseBreak(who) && (char.IsUpper(who[0]) || who.StartsWith("the ", StringComparison.Ordinal)))
                return who;
        }

        return null;
    }

    private static bool IsName(string who) => who.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsUpper(w[0]));

    /// <summary>A real subject has no comma or relative clause of its own: "Iran launched ..., which said" is not a speaker.</summary>
    private static bool ContainsClauseBreak(string who) =>
        who.Contains(',', StringComparison.Ordinal) || who.Contains(" that ", StringComparison.Ordinal) || who.Contains(" which ", StringComparison.Ordinal) || who.Contains(" and ", StringComparison.Ordinal) && who.Split(' ').Length > 6;

    private static string Clean(string who) => who.Trim().TrimEnd(',', '.', ';', ':').Trim();
}
