using System.Globalization;
using System.Text.RegularExpressions;

namespace FactCheck.Detection;

/// <summary>Finds numbers written in digits or words inside a span of text.</summary>
public static partial class QuantityRecognizer
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["twenty"] = 20,
        ["thirty"] = 30, ["hundred"] = 100, ["thousand"] = 1000, ["million"] = 1e6, ["billion"] = 1e9,
        ["dozen"] = 12, ["dozens"] = 24,
    };

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w.])\d+(?:\.\d+)?%?|\b[A-Za-z]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public static IReadOnlyList<Quantity> Find(string text, int start, int end)
    {
        var found = new List<Quantity>();
        foreach (Match m in Token().Matches(text[start..end]))
        {
            var token = m.Value;
            double? value = null;
            if (char.IsDigit(token[0]))
            {
                if (double.TryParse(token.TrimEnd('%').Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    value = number;
            }
            else if (NumberWords.TryGetValue(token, out var word))
            {
                value = word;
            }

            if (value is not null)
                found.Add(new Quantity(start + m.Index, start + m.Index + m.Length, token, value));
        }

        return found;
    }
}
