namespace FactCheck.Detection;

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
