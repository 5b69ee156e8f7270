using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Finds quantities in news prose: numbers in digits or words (<c>176</c>, <c>two</c>, <c>twenty-two</c>,
/// <c>five-year-old</c>, <c>dozens</c>), with an approximation before them (<c>about</c>, <c>estimated</c>)
/// and what they count after them (<c>people</c>, <c>special forces</c>); percentages and money; years,
/// dates and periods (<c>since 2014</c>, <c>since October 2018</c>, <c>last Tuesday</c>, <c>the past five years</c>).
/// </summary>
public static partial class QuantityRecognizer
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20,
        ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["dozen"] = 12, ["a dozen"] = 12, ["half"] = 0.5,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1_000_000_000_000,
        ["m"] = 1_000_000, ["bn"] = 1_000_000_000, ["k"] = 1_000,
    };

    /// <summary>Vague amounts: they count something but have no exact value.</summary>
    private static readonly HashSet<string> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        "dozens", "hundreds", "thousands", "millions", "billions", "scores",
    };

    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string NumberWord = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|half";
    private const string Approximator = "about|around|approximately|roughly|nearly|almost|some|estimated|an estimated|the estimated|more than|less than|fewer than|at least|at most|up to|over|under|close to|upwards of";

    [GeneratedRegex(
        @"(?<approx>\b(?:" + Approximator + @")\s+)?" +
        @"(?<money>[$€£]\s?)?" +
        @"(?<number>(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?|\b(?:" + NumberWord + @")(?:[-\s](?:" + NumberWord + @"))*\b)" +
        @"(?<scale>\s?(?:hundred|thousand|million|billion|trillion|bn|m|k)\b)?" +
        @"(?<percent>\s?(?:%|per\s?cent\b|percent\b))?" +
        @"(?<currency>\s(?:dollars|euros|pounds|yuan|rupees)\b)?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(
        @"\b(?<since>since|until|by|in|from|before|after|as of)?\s?" +
        @"(?:(?<month>" + Month + @")\s+(?:(?<day>\d{1,2}),?\s+)?(?<year>(?:19|20)\d{2})\b|(?<year2>(?:19|20)\d{2})\b(?!\s?(?:%|per|people|troops)))",
        RegexOptions.CultureInvariant)]
    private static partial Regex YearDate();

    [GeneratedRegex(
        @"\b(?:(?:last|next|this|past|previous|coming)\s+(?:" + Weekday + @"|week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter)|(?:on\s+)?(?:" + Weekday + @")|later\s+this\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|(?:in\s+)?(?:" + Month + @")(?!\s+\d))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDate();

    [GeneratedRegex(@"\b(?:for|over|in|during)\s+the\s+(?:past|last|next|previous)\s+(?:(?<n>\w+(?:-\w+)?)\s+)?(?<unit>days?|weeks?|months?|years?|decades?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"\G-?(?:year|month|week|day|hour)s?-old\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeSuffix();

    [GeneratedRegex(@"\G\s+(?:(?:of|more|fewer|other|additional|new)\s+)?(?<words>[A-Za-z][\w-]*(?:[’']s)?(?:\s+[A-Za-z][\w-]*){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex WordsAfter();

    /// <summary>Words that end the counted noun phrase: "176 people that night", "one outside the city".</summary>
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for", "that", "which", "who", "whom", "whose", "was", "were",
        "is", "are", "has", "have", "had", "be", "been", "said", "says", "per", "percent", "cent", "including", "with", "from",
        "by", "as", "than", "when", "where", "while", "after", "before", "ago", "later", "earlier", "outside", "inside", "since",
        "until", "during", "into", "over", "under", "more", "less", "about", "around", "this", "last", "next", "each", "every",
        "will", "would", "could", "can", "may", "might", "had", "did", "do", "does", "not", "it", "its", "their", "his", "her",
    };

    public static IReadOnlyList<Quantity> Find(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segment = text[start..end];
        var found = new List<Quantity>();

        foreach (Match m in YearDate().Matches(segment))
        {
            var year = m.Groups["year"].Success ? m.Groups["year"] : m.Groups["year2"];
            var since = m.Groups["since"];
            var month = m.Groups["month"];
            var kind = since.Success && since.Value is "since" or "until" or "from" or "as of" ? QuantityKind.Period
                : month.Success ? QuantityKind.Date : QuantityKind.Year;
            var from = kind == QuantityKind.Period ? since.Index : month.Success ? month.Index : year.Index;
            Add(found, text, start + from, start + m.Index + m.Length, double.Parse(year.Value, CultureInfo.InvariantCulture), kind, null, false);
        }

        foreach (Match m in Period().Matches(segment))
        {
            var n = m.Groups["n"];
            var value = n.Success ? ParseNumber(n.Value.Split('-')[0]) : null;
            Add(found, text, start + m.Index, start + m.Index + m.Length, value, QuantityKind.Period, Singular(m.Groups["unit"].Value), false);
        }

        foreach (Match m in RelativeDate().Matches(segment))
            Add(found, text, start + m.Index, start + m.Index + m.Length, null, QuantityKind.Date, null, false);

        foreach (Match m in Amount().Matches(segment))
        {
            var number = m.Groups["number"];
            if (Overlaps(found, start + number.Index, start + number.Index + number.Length))
                continue;
            var value = ParseNumber(number.Value);
            var vague = Vague.Contains(number.Value.Trim());
            if (value is null && !vague)
                continue;
            if (m.Groups["scale"].Success && value is { } v)
                value = v * Scales[m.Groups["scale"].Value.Trim()];

            var kind = m.Groups["percent"].Success ? QuantityKind.Percent
                : m.Groups["money"].Success || m.Groups["currency"].Success ? QuantityKind.Money
                : QuantityKind.Count;
            var qStart = start + (m.Groups["approx"].Success ? m.Groups["approx"].Index : m.Groups["money"].Success ? m.Groups["money"].Index : number.Index);
            var qEnd = start + m.Index + m.Length;
            string? unit = kind == QuantityKind.Money ? "money" : kind == QuantityKind.Percent ? "percent" : null;
            if (kind == QuantityKind.Count && CountedAfter(text, qEnd, end) is { } counted)
            {
                unit = counted.Unit;
                qEnd = counted.End;
            }
            else if (kind == QuantityKind.Count && value == 1 && !char.IsDigit(number.Value[0]))
            {
                continue; // "one of the reasons": a pronoun, not a figure
            }

            Add(found, text, qStart, qEnd, vague ? null : value, kind, unit, m.Groups["approx"].Success || vague);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>What a number counts: "176 people", "200 special forces", "five-year-old"; null when it counts nothing named.</summary>
    private static (int End, string Unit)? CountedAfter(string text, int from, int limit)
    {
        var bounded = text[..limit];
        var age = AgeSuffix().Match(bounded, from);
        if (age.Success)
            return (age.Index + age.Length, age.Value.TrimStart('-'));

        var m = WordsAfter().Match(bounded, from);
        if (!m.Success)
            return null;
        var group = m.Groups["words"];
        var kept = new List<string>();
        foreach (var word in group.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // A verb after the noun ends it: "1,500 soldiers arrived", "dozens of others flying".
            if (NotCounted.Contains(word) || (kept.Count > 0 && (word.EndsWith("ing", StringComparison.Ordinal) || word.EndsWith("ed", StringComparison.Ordinal))))
                break;
            kept.Add(word);
        }

        if (kept.Count == 0)
            return null;
        var phrase = string.Join(' ', kept);
        return (group.Index + phrase.Length, phrase);
    }

    private static double? ParseNumber(string token)
    {
        var t = token.Trim();
        if (t.Length == 0)
            return null;
        if (char.IsDigit(t[0]))
            return double.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

        double total = 0, current = 0;
        var any = false;
        foreach (var word in t.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
                any = true;
            }
            else if (Scales.TryGetValue(word, out var scale) && scale >= 100)
            {
                current = (current == 0 ? 1 : current) * scale;
                if (scale >= 1000)
                {
                    total += current;
                    current = 0;
                }

                any = true;
            }
            else
            {
                return null;
            }
        }

        return any ? total + current : null;
    }

    private static string Singular(string unit) => unit.EndsWith('s') ? unit[..^1] : unit;

    private static bool Overlaps(List<Quantity> found, int start, int end) => found.Any(q => q.Start < end && start < q.End);

    private static void Add(List<Quantity> found, string text, int start, int end, double? value, QuantityKind kind, string? unit, bool approximate)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        if (end <= start || Overlaps(found, start, end))
            return;
        found.Add(new Quantity(start, end, text[start..end], value, kind, unit, approximate));
    }
}
