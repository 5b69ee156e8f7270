namespace FactCheck.Detection;

public enum QuantityKind
{
    Count,
    Percent,
    Money,
    Year,
    Date,
    Period,
}

/// <summary>
/// A quantity stated in a claim: <c>176 people</c>, <c>about 200 special forces</c>, <c>five-year-old</c>,
/// <c>40%</c>, <c>$3 billion</c>, <c>since October 2018</c>, <c>last Tuesday</c>. <see cref="Text"/> is the
/// whole expression; <see cref="Value"/> its number when it has one; <see cref="Unit"/> what is counted.
/// </summary>
public sealed record Quantity(
    int Start,
    int End,
    string Text,
    double? Value,
    QuantityKind Kind = QuantityKind.Count,
    string? Unit = null,
    bool Approximate = false);

/// <summary>
/// A check-worthy claim found in an article. <see cref="DuplicateOf"/> is the index of an earlier
/// claim stating the same fact; <see cref="Embedding"/> the sentence embedding, for finding similar
/// claims in other articles.
/// </summary>
public sealed record DetectedClaim(
    int Start,
    int End,
    string Text,
    double Score,
    string? Speaker,
    IReadOnlyList<Quantity> Quantities,
    int? DuplicateOf = null,
    [property: System.Text.Json.Serialization.JsonIgnore] float[]? Embedding = null);

public interface IClaimDetector
{
    IReadOnlyList<DetectedClaim> Detect(string articleText);
}
