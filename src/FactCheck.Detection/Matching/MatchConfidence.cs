namespace FactCheck.Detection.Matching;

/// <summary>How sure a suggestion is, for the reviewer: thresholds on the score, chosen on training data (see <see cref="MatchWeights"/>).</summary>
public enum MatchConfidence
{
    Low,
    Medium,
    High,
}
