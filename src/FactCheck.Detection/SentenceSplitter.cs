namespace FactCheck.Detection;

/// <summary>Splits news prose into sentences, keeping exact offsets into the original text.</summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var sentences = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                Add(text, sentences, start, i);
                start = i + 1;
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…'))
                continue;

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or '”' or '’' or ')')
                end++;
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
                continue;
            if (c == '.' && IsAbbreviation(text, i))
                continue;

            Add(text, sentences, start, end);
            start = end;
        }

        Add(text, sentences, start, text.Length);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        var word = text[wordStart..dot];
        if (word.Length == 0)
            return false;
        // A single capital ("J. Smith") is an initial, not the end of a sentence.
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static void Add(string text, List<TextSpan> sentences, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            sentences.Add(new TextSpan(start, end));
    }
}
