using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Splits news prose into sentences with exact UTF-16 offsets into the original text. Knows news
/// abbreviations (<c>Maj. Gen.</c>, <c>U.S.</c>, <c>Jan.</c>), initials, decimals, quotes and
/// brackets after a full stop, paragraph breaks, headline lines without a full stop, and a leading
/// dateline (<c>date 2020-01-15</c>), which becomes a segment of its own.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep",
        "rev", "hon", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "dept", "univ", "vol", "fig",
        "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "b.c", "ph.d",
    };

    /// <summary>Abbreviations that often end a sentence too ("... in the U.S. The next ...").</summary>
    private static readonly HashSet<string> SentenceFinalAbbreviations = new(StringComparer.OrdinalIgnoreCase) { "u.s", "u.k", "u.n", "etc", "a.m", "p.m", "d.c", "inc", "ltd", "co", "corp", "jr", "sr" };

    private static readonly HashSet<char> Closers = ['"', '\'', '”', '’', ')', ']', '»'];

    [GeneratedRegex(@"\A\s*(?:date\s+)?\d{4}-\d{2}-\d{2}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    public static IReadOnlyList<Sentence> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<Sentence>();
        var paragraph = 0;
        var start = 0;
        var quotedParagraph = false;

        var dateline = Dateline().Match(text);
        if (dateline.Success)
        {
            Add(text, sentences, 0, dateline.Length, paragraph, false);
            start = dateline.Length;
        }

        quotedParagraph = OpensWithQuote(text, start);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                // A blank line ends a paragraph; a single line break ends a headline or byline line.
                var blank = NextLineIsBlank(text, i);
                if (blank || !EndsWithTerminal(text, start, i))
                {
                    Add(text, sentences, start, i, paragraph, quotedParagraph);
                    start = i + 1;
                    if (blank)
                    {
                        paragraph++;
                        quotedParagraph = OpensWithQuote(text, start);
                    }
                }

                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
                continue;

            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' or '…' || Closers.Contains(text[end])))
                end++;
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
                continue; // 3.5, U.S.-led, example.org
            if (c == '.' && end == i + 1 && IsAbbreviation(text, i, end))
                continue;
            if (c == '…' && !StartsSentence(text, end))
                continue; // an ellipsis inside a sentence

            Add(text, sentences, start, end, paragraph, quotedParagraph);
            start = end;
            i = end - 1;
        }

        Add(text, sentences, start, text.Length, paragraph, quotedParagraph);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot, int end)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0)
            return false;
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true; // an initial: "J. Smith"
        if (!Abbreviations.Contains(word))
            return false;
        // "in the U.S. The army ..." ends a sentence; "U.S. forces" does not.
        return !(SentenceFinalAbbreviations.Contains(word) && StartsSentence(text, end) && NextWordIsSentenceStarter(text, end));
    }

    private static bool StartsSentence(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i >= text.Length || char.IsUpper(text[i]) || char.IsDigit(text[i]) || text[i] is '"' or '“' or '‘' or '(';
    }

    private static bool NextWordIsSentenceStarter(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        var j = i;
        while (j < text.Length && char.IsLetter(text[j]))
            j++;
        var word = text[i..j];
        return word is "The" or "A" or "An" or "It" or "He" or "She" or "They" or "We" or "I" or "In" or "On" or "But" or "And" or "This" or "That" or "There";
    }

    private static bool NextLineIsBlank(string text, int newline)
    {
        for (var i = newline + 1; i < text.Length; i++)
        {
            if (text[i] == '\n')
                return true;
            if (!char.IsWhiteSpace(text[i]))
                return false;
        }

        return true;
    }

    private static bool EndsWithTerminal(string text, int start, int end)
    {
        var i = end - 1;
        while (i >= start && (char.IsWhiteSpace(text[i]) || Closers.Contains(text[i])))
            i--;
        return i < start || text[i] is '.' or '!' or '?' or '…' or ',' or ';' or ':';
    }

    private static bool OpensWithQuote(string text, int from)
    {
        var i = from;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i < text.Length && text[i] is '“' or '"' or '‘' or '«';
    }

    private static void Add(string text, List<Sentence> sentences, int start, int end, int paragraph, bool quoted)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new Sentence(start, end, paragraph, quoted));
    }
}
