using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>
/// Where two claims that state the same fact give numbers for the same thing, and whether the numbers agree:
/// "including 63 Canadians" against "57 of them Canadian" (different), "176 people" against "176 passengers"
/// (same), "about 200 special forces" against "210 troops" (consistent: the hedge allows it).
/// <para>
/// Quantities are paired when they count the same thing: the head noun of what is counted, singular or plural,
/// or a common news synonym (troops/soldiers/forces, people/passengers). Percentages pair with percentages,
/// money with money in the same currency, years and dates with each other, "since" with "since" and durations
/// with durations of the same unit. A number for something the other claim does not count is no difference
/// and is left out; so are bare numbers that count nothing named.
/// </para>
/// <para>
/// Tolerance: a hedged figure ("about", "around", "some", "estimated") covers <see cref="HedgeTolerance"/>
/// (±10%) of its number; "more than"/"at least" open it upwards, "less than"/"up to" downwards, "nearly"/
/// "almost" reach 10% below. An unhedged figure is read as rounded to its last stated digit ("3.5 billion":
/// ±0.05 billion) but never more loosely than half a hedge (±5%), so "$4 billion" does not cover 3.5.
/// Two numbers are consistent when the ranges they allow overlap. Years and dates are consistent when one
/// is the less precise ("2020" and "January 13, 2020").
/// </para>
/// </summary>
public static partial class QuantityComparison
{
    /// <summary>
    /// How far either side of its number a hedged figure reaches. News rounds a hedged figure to one or two
    /// significant digits, so "about 200" stands for 180–220: it covers 210 but not 250 or 300, which a desk
    /// would call a different figure.
    /// </summary>
    public const double HedgeTolerance = 0.10;

    private enum Hedge
    {
        None,
        About,
        AtLeast,
        AtMost,
        Nearly,
    }

    /// <summary>What a quantity is about: <see cref="Group"/> must match to compare; <see cref="Phrase"/> and <see cref="Head"/> rank the match.</summary>
    private sealed record Subject(string Label, string Group, string Head, string Phrase);

    /// <summary>Words after a counted noun that are not part of it: "176 people aboard", "300 soldiers altogether".</summary>
    private static readonly HashSet<string> AfterNoun = new(StringComparer.OrdinalIgnoreCase)
    {
        "aboard", "onboard", "abroad", "overall", "altogether", "alone", "apiece", "each", "total", "today", "yesterday", "now", "there", "here",
    };

    /// <summary>Words before a counted noun that stand for an earlier one: "57 of them Canadian".</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "them", "those", "these", "whom", "us", "you",
    };

    /// <summary>What news calls the same people by other names: a head noun and the group it counts in.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["passenger"] = "person", ["individual"] = "person", ["traveller"] = "person", ["traveler"] = "person", ["occupant"] = "person",
        ["soul"] = "person",
        ["soldier"] = "troop", ["force"] = "troop", ["personnel"] = "troop", ["serviceman"] = "troop", ["servicewoman"] = "troop",
        ["servicemember"] = "troop", ["trooper"] = "troop",
        ["fatality"] = "death", ["dead"] = "death",
        ["kid"] = "child",
    };

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["people"] = "person", ["men"] = "man", ["women"] = "woman", ["children"] = "child",
    };

    [GeneratedRegex(@"^(?:(?:the|an)\s+)?(?<hedge>about|around|approximately|roughly|some|estimated|close to|more than|over|at least|upwards of|less than|fewer than|under|at most|up to|nearly|almost)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HedgeWord();

    [GeneratedRegex(@"\d[\d,]*(?:\.(?<fraction>\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?<scale>thousand|million|billion|trillion)\b|(?<=\d\s?)(?<scale>bn|m|k)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RoundScale();

    [GeneratedRegex(@"(?<symbol>[$€£])|\b(?<word>dollars|euros|pounds|yuan|rupees)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    [GeneratedRegex(@"\b(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+(?<day>\d{1,2})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    /// <summary>Compares the quantities found in two texts (see <see cref="QuantityRecognizer.Find"/>).</summary>
    public static IReadOnlyList<QuantityDifference> Compare(string thisText, string otherText)
    {
        ArgumentNullException.ThrowIfNull(thisText);
        ArgumentNullException.ThrowIfNull(otherText);
        return Compare(QuantityRecognizer.Find(thisText, 0, thisText.Length), QuantityRecognizer.Find(otherText, 0, otherText.Length));
    }

    /// <summary>
    /// Pairs each quantity of this claim with at most one of the other's about the same thing, and says whether
    /// their numbers agree; in this claim's order. Empty when the claims give no numbers for the same thing.
    /// </summary>
    public static IReadOnlyList<QuantityDifference> Compare(IReadOnlyList<Quantity> these, IReadOnlyList<Quantity> others)
    {
        ArgumentNullException.ThrowIfNull(these);
        ArgumentNullException.ThrowIfNull(others);
        var mine = these.Select(Describe).ToList();
        var theirs = others.Select(Describe).ToList();

        var candidates = new List<(int Mine, int Theirs, int Strength, double Distance)>();
        for (var i = 0; i < these.Count; i++)
        {
            for (var j = 0; j < others.Count; j++)
            {
                var strength = Strength(these[i], mine[i], others[j], theirs[j]);
                if (strength > 0)
                    candidates.Add((i, j, strength, Distance(these[i], others[j])));
            }
        }

        // The closest subject first ("Canadians" before a synonym), then the closest number: with two
        // troop figures on each side, each is set against the figure it most likely restates.
        var (mineUsed, theirsUsed) = (new bool[these.Count], new bool[others.Count]);
        var pairs = new List<(int Mine, int Theirs)>();
        foreach (var c in candidates.OrderByDescending(x => x.Strength).ThenBy(x => x.Distance).ThenBy(x => x.Mine).ThenBy(x => x.Theirs))
        {
            if (mineUsed[c.Mine] || theirsUsed[c.Theirs])
                continue;
            (mineUsed[c.Mine], theirsUsed[c.Theirs]) = (true, true);
            pairs.Add((c.Mine, c.Theirs));
        }

        return [.. pairs
            .OrderBy(p => these[p.Mine].Start).ThenBy(p => p.Mine)
            .Select(p => new QuantityDifference(mine[p.Mine]!.Label, these[p.Mine].Text, others[p.Theirs].Text, Agreement(these[p.Mine], others[p.Theirs])))];
    }

    /// <summary>0 when the two are about different things; otherwise 3 for the same counted phrase, 2 the same head noun, 1 synonyms.</summary>
    private static int Strength(Quantity a, Subject? sa, Quantity b, Subject? sb)
    {
        if (sa is null || sb is null || sa.Group != sb.Group)
            return 0;
        // Without numbers ("dozens", "last Tuesday") there is nothing to weigh: only the same words say the same.
        if (a.Value is null || b.Value is null)
            return a.Value is null && b.Value is null && string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        return sa.Phrase == sb.Phrase ? 3 : sa.Head == sb.Head ? 2 : 1;
    }

    private static double Distance(Quantity a, Quantity b) =>
        a.Value is { } x && b.Value is { } y ? Math.Abs(x - y) / Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))) : 0;

    private static Subject? Describe(Quantity q)
    {
        switch (q.Kind)
        {
            case QuantityKind.Percent:
                return new("percent", "percent", "percent", "percent");
            case QuantityKind.Money:
                var currency = CurrencyOf(q.Text);
                return new(currency, "money " + currency, currency, currency);
            case QuantityKind.Year or QuantityKind.Date:
                // A year is a less precise date: "in 2020" and "January 13, 2020" say when, at two precisions.
                var moment = q.Kind == QuantityKind.Year ? "year" : "date";
                return new(moment, "when", moment, moment);
            case QuantityKind.Period when q.Unit is { } unit:
                return new(unit + "s", "period " + unit, unit, unit);
            case QuantityKind.Period:
                // "since 2014" and "until 2014" are different facts about the same year.
                var word = string.Concat(q.Text.TakeWhile(ch => !char.IsDigit(ch) && !char.IsUpper(ch))).Trim().ToLowerInvariant();
                return new(word, "period " + word, word, word);
            default:
                return q.Unit is null ? null : Counted(q.Unit);
        }
    }

    private static Subject? Counted(string unit)
    {
        var words = unit.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Pronouns.Contains(words[0]))
            words.RemoveAt(0);
        while (words.Count > 1 && AfterNoun.Contains(words[^1]))
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0 || Pronouns.Contains(words[0]))
            return null; // "57 of them" alone does not say of whom

        var singular = words.Select(w => Singular(w.ToLowerInvariant())).ToList();
        var last = singular[^1];
        var head = last[(last.LastIndexOf('-') + 1)..]; // "special-forces" counts forces
        return new(string.Join(' ', words), "count " + Synonyms.GetValueOrDefault(head, head), head, string.Join(' ', singular));
    }

    private static string Singular(string word)
    {
        if (Irregular.TryGetValue(word, out var singular))
            return singular;
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
            return word[..^3] + "y";
        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal))
            return word[..^2];
        if (word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }

    private static string CurrencyOf(string text)
    {
        var m = Currency().Match(text);
        var found = m.Groups["symbol"].Success ? m.Groups["symbol"].Value : m.Groups["word"].Value.ToLowerInvariant();
        return found switch
        {
            "$" or "dollars" => "dollars",
            "€" or "euros" => "euros",
            "£" or "pounds" => "pounds",
            "" => "money",
            _ => found,
        };
    }

    private static QuantityAgreement Agreement(Quantity a, Quantity b)
    {
        if (a.Value is not { } x || b.Value is not { } y)
            return QuantityAgreement.Same; // paired only when their words are the same
        if (a.Kind is QuantityKind.Year or QuantityKind.Date || (a.Kind == QuantityKind.Period && a.Unit is null))
            return AgreementInTime(a, b, x, y);

        var (ha, hb) = (HedgeOf(a), HedgeOf(b));
        var epsilon = 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
        if (Math.Abs(x - y) <= epsilon && Direction(ha) == Direction(hb))
            return QuantityAgreement.Same;
        var (lowA, highA) = Range(a.Text, x, ha);
        var (lowB, highB) = Range(b.Text, y, hb);
        return lowA < highB - epsilon && lowB < highA - epsilon ? QuantityAgreement.Consistent : QuantityAgreement.Different;
    }

    private static QuantityAgreement AgreementInTime(Quantity a, Quantity b, double yearA, double yearB)
    {
        if (yearA != yearB)
            return QuantityAgreement.Different;
        var (monthA, dayA) = MonthAndDay(a.Text);
        var (monthB, dayB) = MonthAndDay(b.Text);
        if ((monthA is not null && monthB is not null && monthA != monthB) || (dayA is not null && dayB is not null && dayA != dayB))
            return QuantityAgreement.Different;
        return monthA == monthB && dayA == dayB ? QuantityAgreement.Same : QuantityAgreement.Consistent;
    }

    private static (int? Month, int? Day) MonthAndDay(string text)
    {
        var m = MonthDay().Match(text);
        if (!m.Success)
            return (null, null);
        var month = ("JanFebMarAprMayJunJulAugSepOctNovDec".IndexOf(m.Groups["month"].Value, StringComparison.Ordinal) / 3) + 1;
        return (month, m.Groups["day"].Success ? (int?)int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture) : null);
    }

    private static Hedge HedgeOf(Quantity q)
    {
        if (!q.Approximate || q.Kind is not (QuantityKind.Count or QuantityKind.Percent or QuantityKind.Money))
            return Hedge.None;
        var m = HedgeWord().Match(q.Text);
        return !m.Success ? Hedge.None : m.Groups["hedge"].Value.ToLowerInvariant() switch
        {
            "more than" or "over" or "at least" or "upwards of" => Hedge.AtLeast,
            "less than" or "fewer than" or "under" or "at most" or "up to" => Hedge.AtMost,
            "nearly" or "almost" => Hedge.Nearly,
            _ => Hedge.About,
        };
    }

    /// <summary>Whether a hedge bounds its number from one side: "about 200" and "200" state the same number; "more than 200" does not.</summary>
    private static int Direction(Hedge hedge) => hedge switch
    {
        Hedge.AtLeast => 1,
        Hedge.AtMost or Hedge.Nearly => -1,
        _ => 0,
    };

    /// <summary>The values a quantity allows, by its hedge and the rounding of its stated digits (see the class summary).</summary>
    private static (double Low, double High) Range(string text, double value, Hedge hedge)
    {
        var hedged = Math.Abs(value) * HedgeTolerance;
        var rounding = Math.Min(Granularity(text) / 2, hedged / 2);
        return hedge switch
        {
            Hedge.About => (value - hedged, value + hedged),
            Hedge.AtLeast => (value - rounding, double.PositiveInfinity),
            Hedge.AtMost => (double.NegativeInfinity, value + rounding),
            Hedge.Nearly => (value - hedged, value + rounding),
            _ => (value - rounding, value + rounding),
        };
    }

    /// <summary>The last stated digit's worth: 1 for "210", 0.1 for "5.2%", 0.1 billion for "$3.5 billion", a million for "40 million".</summary>
    private static double Granularity(string text)
    {
        var digits = Digits().Match(text);
        var fraction = digits.Success && digits.Groups["fraction"].Success ? digits.Groups["fraction"].Length : 0;
        var scale = RoundScale().Match(text) is { Success: true } s
            ? s.Groups["scale"].Value.ToLowerInvariant() switch
            {
                "thousand" or "k" => 1e3,
                "million" or "m" => 1e6,
                "billion" or "bn" => 1e9,
                _ => 1e12,
            }
            : 1;
        return scale * Math.Pow(10, -fraction);
    }
}
