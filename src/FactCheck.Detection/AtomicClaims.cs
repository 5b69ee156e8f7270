using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Splits a sentence that joins independent checkable assertions into its atomic parts, so that a
/// fact-checker verifies one thing per work item. A sentence splits where a new clause (its own
/// subject and finite verb) is joined by ", but", ", yet", ", while", ", whereas", ", and", ", where"
/// or ";", and, with guards, by a bare "and". Everything else stays whole: a quantity with its hedge
/// and scope, numbers about one subject ("176 people, including 57 Canadians"), relative clauses and
/// appositions ("which", "who", "whose", "the first of which"), participles ("raising questions"),
/// attributions (", said X") and a leading subordinate clause ("While X, Y"), which is context.
/// Each part's statement carries what it needs from its sentence: the subject behind a leading
/// pronoun, the place a "where" stands for, a trailing attribution and a leading time.
/// </summary>
public static partial class AtomicClaims
{
    /// <summary>A place a sentence could split: the left part ends at <c>LeftEnd</c>, the right part's span starts at <c>RightStart</c>, its clause at <c>ClauseStart</c>.</summary>
    private readonly record struct Joint(int LeftEnd, int RightStart, int ClauseStart, string Joiner);

    private static readonly HashSet<string> CommaJoiners = new(StringComparer.Ordinal) { "but", "yet", "while", "whereas", "and", "where" };

    // A bare "X and Y" splits only when X is a plain main clause: a comma or dash, a relative or
    // subordinate word or a reporting or thinking verb before the "and" may make "A and B" one compound
    // subject ("which warned the American withdrawal ... and the subsequent Turkish offensive had regrouped").
    private static readonly HashSet<string> NotPlainClause = new(StringComparer.Ordinal)
    {
        "which", "who", "whom", "whose", "that", "when", "where", "while", "if", "because", "although", "though", "whether", "as", "after", "before",
        "how", "why", "what",
        "said", "says", "say", "told", "warned", "added", "noted", "stated", "announced", "reported", "claimed", "argued", "found", "wrote", "confirmed",
        "think", "believe", "hope", "know", "feel",
    };

    /// <summary>
    /// Both sides of a bare "and" need this many words: "Iran has apologized and an investigation is
    /// ongoing" is one short report of an aftermath, checked as one, while two long clauses joined by
    /// "and" are two facts a checker verifies separately.
    /// </summary>
    private const int BareAndMinimumWords = 6;

    private static readonly HashSet<string> LeadingConnectives = new(StringComparer.Ordinal) { "however", "but", "and", "meanwhile", "still", "yet", "moreover" };

    [GeneratedRegex(@"^(?:(?:On|In|By|Since|During|Last|Earlier|Later|This|Early|Late)\b[^,;]{1,40}?),\s", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingAdverbial();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|week|month|year|day|morning|afternoon|evening|night|\d{4})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeWord();

    // The place a "where" clause is about: the last locative phrase before its comma, naming a place
    // ("to have an intelligence surge, where" names none).
    [GeneratedRegex(@"\b(?<preposition>in|at|outside|near|around|inside|across|throughout)\s+(?<place>(?:(?:the|a|an|its|their|this|that)\s|[A-Z])[^,;]{0,80}?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Locative();

    [GeneratedRegex(@"(?:\b[A-Z][\w’'.-]*\s+){0,3}\b[A-Z][\w’'.-]*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingName();

    [GeneratedRegex(@"^(?:but|yet|and|while|whereas)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingJoiner();

    /// <summary>The sentence's atomic parts, in order; a single part (the whole sentence) when it does not split.</summary>
    public static IReadOnlyList<ClaimPart> Parts(string article, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(sentence);
        var spans = Spans(article, sentence);
        return [.. spans.Select((span, k) => new ClaimPart(span.Start, span.End, StatementOf(article, sentence, spans.Take(k).ToList(), span.Start, span.End)))];
    }

    /// <summary>
    /// The statement of a span a person chose: the statement of the part it is, or the span itself with
    /// the same context from its sentence (a chosen "where ..." or "they want ..." needs it as much).
    /// </summary>
    public static string Statement(string article, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(article);
        var sentence = SentenceSplitter.Sentences(article).FirstOrDefault(s => s.Start <= start && end <= s.End);
        if (sentence is null)
            return Tidy(article[start..end]);
        var spans = Spans(article, sentence);
        var (trimmedStart, trimmedEnd) = Trim(article, start, end);
        var before = spans.Where(s => s.End <= trimmedStart).ToList();
        return StatementOf(article, sentence, before, trimmedStart, trimmedEnd);
    }

    private static List<(int Start, int End)> Spans(string article, Sentence sentence)
    {
        var spans = new List<(int Start, int End)>();
        var partStart = sentence.Start;
        foreach (var joint in Joints(article, sentence))
        {
            if (joint.LeftEnd <= partStart || !Splits(article, sentence, partStart, joint))
                continue;
            spans.Add(Trim(article, partStart, joint.LeftEnd));
            partStart = joint.RightStart;
        }

        spans.Add(Trim(article, partStart, sentence.End));
        return spans;
    }

    /// <summary>Candidate joints outside quotations and brackets: ";", a comma before a joining word, a bare "and".</summary>
    private static List<Joint> Joints(string article, Sentence sentence)
    {
        var joints = new List<Joint>();
        var depth = 0;
        var straightQuote = false;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = article[i];
            if (c is '(' or '[' or '“')
                depth++;
            else if (c is ')' or ']' or '”')
                depth = Math.Max(0, depth - 1);
            else if (c == '"')
                straightQuote = !straightQuote;
            if (depth > 0 || straightQuote)
                continue;

            if (c == ';')
            {
                // "; and our children have been ..." joins by the semicolon: the conjunction goes with it.
                var next = SkipSpaces(article, i + 1, sentence.End);
                var word = WordAt(article, next, sentence.End);
                if (word is "and" or "but" or "yet")
                    next = SkipSpaces(article, next + word.Length, sentence.End);
                joints.Add(new Joint(i, next, next, ";"));
            }
            else if (c == ',')
            {
                var wordStart = SkipSpaces(article, i + 1, sentence.End);
                var word = WordAt(article, wordStart, sentence.End);
                if (CommaJoiners.Contains(word))
                {
                    var clause = SkipSpaces(article, wordStart + word.Length, sentence.End);
                    joints.Add(new Joint(i, word == "where" ? wordStart : clause, clause, word));
                }
            }
            else if (c == ' ' && WordAt(article, i + 1, sentence.End) == "and" && PreviousNonSpace(article, i, sentence.Start) is not (',' or ';' or '-' or '–' or '—'))
            {
                var clause = SkipSpaces(article, i + 4, sentence.End);
                joints.Add(new Joint(i, clause, clause, "bare and"));
            }
        }

        return joints;
    }

    private static bool Splits(string article, Sentence sentence, int partStart, Joint joint)
    {
        var left = Clauses.Words(article, partStart, joint.LeftEnd);
        var clauseEnd = SegmentEnd(article, joint.ClauseStart, sentence.End);
        var clause = Clauses.Words(article, joint.ClauseStart, clauseEnd);
        if (!Clauses.HasFiniteVerb(left) || !Clauses.OpensClause(clause))
            return false;
        switch (joint.Joiner)
        {
            case "and":
                // "Canada, Britain, and the US sent troops" is a list: the comma's own segment needs a verb.
                var segmentStart = article.LastIndexOfAny([',', ';'], joint.LeftEnd - 1, joint.LeftEnd - partStart) + 1;
                return Clauses.HasFiniteVerb(Clauses.Words(article, Math.Max(segmentStart, partStart), joint.LeftEnd));
            case "bare and":
                return left.Count >= BareAndMinimumWords && clause.Count >= BareAndMinimumWords
                    && article.IndexOfAny([',', ';', '–', '—', '(', ')'], partStart, joint.LeftEnd - partStart) < 0
                    && !article.AsSpan(partStart, joint.LeftEnd - partStart).Contains(" - ", StringComparison.Ordinal)
                    && !left.Any(w => NotPlainClause.Contains(w.Lower));
            case "but":
                // "not only X, but Y" is one correlative assertion.
                return !article.AsSpan(partStart, joint.LeftEnd - partStart).Contains("not only", StringComparison.OrdinalIgnoreCase);
            case "where":
                return Place(article, partStart, joint.LeftEnd) is not null;
            default:
                return true;
        }
    }

    private static string StatementOf(string article, Sentence sentence, List<(int Start, int End)> before, int start, int end)
    {
        var text = article[start..end];
        // A chosen span may start at the joiner; a sentence's own "While ..." is its context and stays.
        var joinerless = LeadingJoiner().Match(text);
        if (joinerless.Success && start > sentence.Start)
        {
            start += joinerless.Length;
            text = article[start..end];
        }

        // "where Canadian special forces have been active" is about the place before the comma.
        if (start > sentence.Start && text.StartsWith("where ", StringComparison.OrdinalIgnoreCase)
            && Place(article, before.Count > 0 ? before[^1].Start : sentence.Start, CommaBefore(article, start, sentence.Start)) is { } place)
            text = $"{place}, {text[6..].TrimStart()}";
        else if (before.Count > 0)
            text = WithSubject(article, before[^1], start, end, text);

        var sentenceText = sentence.TextOf(article);
        // A leading "On Monday," dates every assertion of the sentence.
        if (LeadingAdverbial().Match(sentenceText) is { Success: true } adverbial && TimeWord().IsMatch(adverbial.Value) && !TimeWord().IsMatch(text))
            text = $"{adverbial.Value.TrimEnd()} {LowerFirstWord(text)}";

        // A trailing ", said X" or ", according to X" covers the parts before it; a leading "X says"
        // covers only its own clause ("The democrats say A, but the government wants B").
        var statement = Tidy(text);
        if (SpeakerFinder.Find(sentenceText) is { } speaker
            && sentenceText.LastIndexOf(speaker, StringComparison.Ordinal) is var at and >= 0
            && sentence.Start + at >= end
            && !statement.Contains(speaker, StringComparison.OrdinalIgnoreCase))
            statement = $"{statement[..^1]}, according to {LowerFirstWord(speaker)}{statement[^1]}";
        return statement;
    }

    /// <summary>A leading "they"/"he"/"she"/"it" replaced by the previous part's subject when it obviously agrees.</summary>
    private static string WithSubject(string article, (int Start, int End) previous, int start, int end, string text)
    {
        var words = Clauses.Words(article, start, end);
        if (words.Count < 2 || words[0].Lower is not ("they" or "he" or "she" or "it") || !Clauses.OpensClause(words))
            return text;
        var subject = Subject(article, previous.Start, previous.End);
        if (subject is null)
            return text;
        var subjectWords = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = subjectWords[^1];
        var plural = subject.Contains(" and ", StringComparison.Ordinal) || head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal);
        var agrees = words[0].Lower switch
        {
            "they" => plural,
            "it" => !plural,
            _ => !plural && subjectWords.Skip(1).All(w => char.IsUpper(w[0])) && char.IsUpper(subjectWords[0][0]),
        };
        return agrees ? subject + text[(words[0].End - start)..] : text;
    }

    /// <summary>The subject a part opens with ("The new democrats"), skipping a leading "However,"; null when it opens otherwise.</summary>
    private static string? Subject(string article, int start, int end)
    {
        var words = Clauses.Words(article, start, end);
        if (words.Count > 0 && LeadingConnectives.Contains(words[0].Lower))
            words.RemoveAt(0);
        var length = Clauses.SubjectLength(words);
        if (length == 0 || Clauses.IsSubjectPronoun(Clauses.PronounOf(words[0].Lower)))
            return null;
        var subject = article[words[0].Start..words[length - 1].End];
        return char.ToUpperInvariant(subject[0]) + subject[1..];
    }

    /// <summary>
    /// Where a "where" clause is, from the place named just before it: "at a base near Irbil" gives "At a
    /// base near Irbil"; "one outside the northern city of Irbil" gives "In the northern city of Irbil"
    /// ("where" is in the place, whatever the preposition that led to it); a bare name "In Irbil".
    /// </summary>
    private static string? Place(string article, int start, int end)
    {
        var left = article[start..end].TrimEnd();
        var locative = Locative().Match(left);
        if (locative.Success && locative.Groups["place"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8)
            return (locative.Groups["preposition"].Value == "at" ? "At " : "In ") + locative.Groups["place"].Value;
        var name = TrailingName().Match(left);
        return name.Success && name.Index > 0 ? "In " + name.Value.Trim() : null;
    }

    /// <summary>Capitalised, with a full stop, without a joining comma or trailing space.</summary>
    private static string Tidy(string text)
    {
        var trimmed = text.Trim().TrimStart(',', ';', ' ').TrimEnd(',', ';', ':', ' ');
        if (trimmed.Length == 0)
            return trimmed;
        trimmed = char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        var last = trimmed.TrimEnd('”', '"', '’', ')', ' ');
        return last.Length > 0 && last[^1] is '.' or '!' or '?' or '…' ? trimmed : trimmed + ".";
    }

    private static string LowerFirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? text : text[..space];
        return first is "In" or "The" or "A" or "An" or "This" or "These" or "Those" or "Its" or "Their" or "His" or "Her" or "They" or "He" or "She" or "It" or "Nobody" or "Many" or "Some" or "Both" or "All"
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }

    private static (int Start, int End) Trim(string article, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(article[start]) || article[start] is ',' or ';'))
            start++;
        while (end > start && (char.IsWhiteSpace(article[end - 1]) || article[end - 1] is ',' or ';' or ':'))
            end--;
        return (start, end);
    }

    private static int SkipSpaces(string article, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(article[i]))
            i++;
        return i;
    }

    private static string WordAt(string article, int i, int end)
    {
        var j = i;
        while (j < end && char.IsLetter(article[j]))
            j++;
        return j < end && (char.IsLetterOrDigit(article[j]) || article[j] is '-' or '’' or '\'') ? "" : article[i..j];
    }

    private static char PreviousNonSpace(string article, int i, int start)
    {
        while (i > start && char.IsWhiteSpace(article[i - 1]))
            i--;
        return i > start ? article[i - 1] : '\0';
    }

    private static int CommaBefore(string article, int start, int sentenceStart)
    {
        if (start <= sentenceStart)
            return start;
        var comma = article.LastIndexOf(',', start - 1, start - sentenceStart);
        return comma < 0 ? start : comma;
    }

    private static int SegmentEnd(string article, int from, int end)
    {
        var stop = from < end ? article.IndexOfAny([',', ';'], from, end - from) : -1;
        return stop < 0 ? end : stop;
    }
}
