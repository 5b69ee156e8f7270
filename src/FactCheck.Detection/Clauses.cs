using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Just enough English clause grammar, without a tagger, to tell where news prose starts a new
/// assertion: a finite verb, and a subject (a pronoun or a noun phrase) directly followed by one.
/// The rules err on the side of "not a clause": a missed split leaves today's whole-sentence
/// claim, a wrong one makes a fragment.
/// </summary>
internal static partial class Clauses
{
    /// <summary>A word of the article with its exact UTF-16 span.</summary>
    internal readonly record struct Word(int Start, int End, string Text)
    {
        public string Lower => Text.ToLowerInvariant();

        public bool Capitalised => char.IsUpper(Text[0]);
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "does", "do", "did",
    };

    // Irregular past forms news prose uses; regular ones end in -ed.
    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "said", "told", "shot", "hit", "led", "left", "took", "made", "saw", "began", "won", "lost", "fell", "rose", "grew", "went", "came", "gave",
        "sent", "met", "held", "kept", "found", "paid", "spent", "built", "brought", "bought", "fought", "thought", "ran", "struck", "became",
        "knew", "flew", "wrote", "spoke", "stood", "drove", "got", "fled", "sold", "meant", "felt", "heard", "chose", "drew", "broke", "threw",
        "withdrew", "cut", "put", "set", "spread", "sought", "taught", "caught", "dealt", "lent", "shook", "hid", "sank", "struck", "swept", "fed",
        "quit", "shut", "cost", "hurt", "rode", "arose", "woke", "froze", "stole", "understood", "upheld", "withheld", "oversaw", "overcame",
        "overtook", "undertook", "beat", "bore", "forgot", "slid", "split", "burst",
    };

    // Present forms common in news; a plural or pronoun subject's verb has no -s to give it away.
    private static readonly HashSet<string> Present = new(StringComparer.Ordinal)
    {
        "say", "says", "want", "wants", "need", "needs", "remain", "remains", "continue", "continues", "support", "supports", "oppose", "opposes",
        "believe", "believes", "think", "thinks", "know", "knows", "lead", "leads", "seem", "seems", "appear", "appears", "plan", "plans",
        "expect", "expects", "rely", "relies", "comprise", "comprises", "hold", "holds", "face", "faces", "show", "shows", "deny", "denies",
        "insist", "insists", "argue", "argues", "warn", "warns", "estimate", "estimates",
    };

    private static readonly HashSet<string> SubjectPronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "it", "they", "we", "i", "you", "nobody", "everyone", "everybody", "someone", "somebody", "none", "there",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "many", "some", "several", "most",
        "all", "both", "each", "no", "every", "other", "another", "few", "more", "much",
    };

    // Words that cannot open or continue a subject noun phrase: prepositions (except "of"), conjunctions,
    // relative and subordinating words, negation and infinitive "to".
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "to", "in", "on", "at", "for", "with", "by", "from", "as", "into", "about", "after", "before", "during", "since", "until", "over",
        "under", "between", "against", "through", "without", "within", "outside", "inside", "near", "around", "including", "and", "or", "but",
        "nor", "yet", "so", "which", "who", "whom", "whose", "what", "when", "where", "while", "whether", "if", "because", "although", "though",
        "not", "only", "also", "then", "than", "even", "just", "like", "unlike", "per", "via", "why", "how",
    };

    // Adjectives that modify a noun phrase and never head a subject of their own.
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "same", "new", "old", "former", "last", "first", "next", "such", "own", "only", "recent", "previous", "very", "so", "less", "well",
        "long", "newly", "recently", "so-called", "much-needed", "long-awaited", "heavily", "poorly", "highly",
    };

    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "later", "also", "still", "now", "then", "already", "never", "not", "recently", "previously", "reportedly", "allegedly", "since", "once",
        "often", "again", "earlier", "currently", "eventually", "finally", "largely",
    };

    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}’'\-]|\.(?=[\p{L}\p{N}]))*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public static List<Word> Words(string text, int start, int end) =>
        [.. WordPattern().Matches(text[..end], start).Select(m => new Word(m.Index, m.Index + m.Length, m.Value))];

    public static bool IsSubjectPronoun(string lowerWord) => SubjectPronouns.Contains(lowerWord);

    /// <summary>True when the words hold a finite verb (what makes a part a statement rather than a fragment).</summary>
    public static bool HasFiniteVerb(IReadOnlyList<Word> words) => Enumerable.Range(0, words.Count).Any(i => IsFiniteVerbAt(words, i));

    /// <summary>
    /// The words open a clause of their own: a subject pronoun, or a noun phrase of up to eight words,
    /// then (after adverbs such as "later") a finite verb. "but also mixed assessments", "raising
    /// questions" and "including 57 Canadians" do not; "they want", "the Iranian army later shot down" do.
    /// </summary>
    public static bool OpensClause(IReadOnlyList<Word> words) => SubjectLength(words) > 0;

    /// <summary>How many words the clause's subject has (0 when the words do not open a clause).</summary>
    public static int SubjectLength(IReadOnlyList<Word> words)
    {
        if (words.Count < 2)
            return 0;
        var first = words[0].Lower;
        if (SubjectPronouns.Contains(PronounOf(first)))
        {
            var v = SkipAdverbs(words, 1);
            return v < words.Count && (IsFiniteVerbAt(words, v) || IsBareVerbAfterPronoun(words[v])) ? 1 : 0;
        }

        if (FunctionWords.Contains(first) || Adverbs.Contains(first) || IsFiniteVerbAt(words, 0) || first.EndsWith("ing", StringComparison.Ordinal) && !words[0].Capitalised)
            return 0;
        var i = Determiners.Contains(first) ? 1 : 0;
        var head = i;
        if (head > 0 && IsFiniteVerbAt(words, head))
            return head; // a determiner standing for a noun: "many were injured", "these are facts"
        while (i < words.Count && i - head < 8)
        {
            var lower = words[i].Lower;
            if (lower == "of" && i > head && i + 1 < words.Count && !FunctionWords.Contains(words[i + 1].Lower))
            {
                i++;
                continue;
            }

            if (FunctionWords.Contains(lower) || Adverbs.Contains(lower) || SubjectPronouns.Contains(PronounOf(lower)) || lower == "of" || i > head && (lower == "that" || IsFiniteVerbAt(words, i)))
                break;
            i++;
        }

        if (i == head || i >= words.Count)
            return 0;
        var verb = SkipAdverbs(words, i);
        return verb < words.Count && (IsFiniteVerbAt(words, verb) || IsPresentSingular(words, verb)) ? i : 0;
    }

    /// <summary>"we've" and "they’re" are subject pronouns with their auxiliary.</summary>
    public static string PronounOf(string lowerWord)
    {
        var apostrophe = lowerWord.IndexOfAny(['\'', '’']);
        return apostrophe > 0 ? lowerWord[..apostrophe] : lowerWord;
    }

    private static int SkipAdverbs(IReadOnlyList<Word> words, int i)
    {
        while (i < words.Count && (Adverbs.Contains(words[i].Lower) || words[i].Lower.EndsWith("ly", StringComparison.Ordinal) && words[i].Text.Length > 4))
            i++;
        return i;
    }

    // "they want", "we fear": after a subject pronoun any content word is the verb.
    private static bool IsBareVerbAfterPronoun(Word word) =>
        !word.Capitalised && !FunctionWords.Contains(word.Lower) && !Determiners.Contains(word.Lower) && !word.Lower.EndsWith("ing", StringComparison.Ordinal);

    // "Canada leads that mission": an -s word right after the subject and before an object.
    private static bool IsPresentSingular(IReadOnlyList<Word> words, int i) =>
        !words[i].Capitalised && words[i].Lower.EndsWith('s') && !words[i].Lower.EndsWith("ss", StringComparison.Ordinal)
        && i + 1 < words.Count && (Determiners.Contains(words[i + 1].Lower) || char.IsDigit(words[i + 1].Text[0]));

    private static bool IsFiniteVerbAt(IReadOnlyList<Word> words, int i)
    {
        var word = words[i];
        if (word.Capitalised)
            return false;
        var lower = word.Lower;
        if (Auxiliaries.Contains(lower) || IrregularPast.Contains(lower) || lower.EndsWith("n't", StringComparison.Ordinal) || lower.EndsWith("n’t", StringComparison.Ordinal))
            return true;
        // After a determiner or possessive, "estimated" and "support" are an adjective and a noun.
        var afterDeterminer = i > 0 && (Determiners.Contains(words[i - 1].Lower) || words[i - 1].Text.EndsWith("’s", StringComparison.Ordinal) || words[i - 1].Text.EndsWith("'s", StringComparison.Ordinal));
        if (afterDeterminer)
            return false;
        // "the same failed policies": after a modifier an -ed word is an adjective too.
        if (i > 0 && Modifiers.Contains(words[i - 1].Lower))
            return false;
        return Present.Contains(lower) || lower.Length > 4 && lower.EndsWith("ed", StringComparison.Ordinal);
    }
}
