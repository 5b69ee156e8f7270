namespace FactCheck.Workflow.Verdicts;

/// <summary>
/// The ratings a verdict may carry, from most to least accurate, set in configuration
/// (<c>FactCheck:Verdicts:Scale</c>). Position 1 is the best rating.
/// </summary>
public sealed class VerdictScale
{
    public static readonly IReadOnlyList<string> DefaultRatings =
        ["True", "Mostly true", "Mixed", "Mostly false", "False", "Misleading", "Unverifiable"];

    public IReadOnlyList<string> Ratings { get; }

    public VerdictScale(IEnumerable<string>? ratings = null)
    {
        var list = (ratings ?? DefaultRatings).Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (list.Count < 2)
            throw new ArgumentException("A verdict scale needs at least two ratings.", nameof(ratings));
        if (list.Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count)
            throw new ArgumentException("The ratings of a verdict scale must be distinct.", nameof(ratings));
        Ratings = list;
    }

    public int Worst => Ratings.Count;

    /// <summary>The 1-based position of a rating, or null when the scale does not have it.</summary>
    public int? PositionOf(string rating)
    {
        for (var i = 0; i < Ratings.Count; i++)
        {
            if (string.Equals(Ratings[i], rating.Trim(), StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }

        return null;
    }

    /// <summary>The rating as the scale spells it; refuses one the scale does not have.</summary>
    public string Normalize(string? rating)
    {
        var position = string.IsNullOrWhiteSpace(rating) ? null : PositionOf(rating);
        return position is { } p
            ? Ratings[p - 1]
            : throw new WorkflowException(WorkflowError.Invalid, $"'{rating}' is not a rating on the verdict scale ({string.Join(", ", Ratings)}).");
    }
}
