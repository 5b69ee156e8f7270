namespace FactCheck.Detection;

/// <summary>A span of text, as UTF-16 offsets into the article (end exclusive).</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>A number mentioned in a claim: <c>176</c>, <c>five</c>, <c>2014</c>.</summary>
public sealed record Quantity(int Start, int End, string Text, double? Value);

public sealed record DetectedClaim(
    int Start,
    int End,
    string Text,
    double Score,
    string? Speaker,
    IReadOnlyList<Quantity> Quantities);

public interface IClaimDetector
{
    IReadOnlyList<DetectedClaim> Detect(string articleText);
}
