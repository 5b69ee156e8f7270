namespace FactCheck.Detection;

public interface IClaimDetector
{
    IReadOnlyList<DetectedClaim> Detect(string articleText);
}
