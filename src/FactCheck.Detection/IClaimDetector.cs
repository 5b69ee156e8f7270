namespace FactCheck.Detection;

public interface IClaimDetector
{
    /// <summary>The article's check-worthy claims, atomic where a sentence joins independent assertions.</summary>
    IReadOnlyList<DetectedClaim> Detect(string articleText);

    /// <summary>
    /// What the detector makes of a span a person chose as a claim: its score, quantities, speaker and
    /// embedding, whatever the score (the person decided it is a claim).
    /// </summary>
    DetectedClaim Describe(string articleText, int start, int end);
}
