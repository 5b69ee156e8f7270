namespace FactCheck.Detection.Matching;

/// <summary>
/// An earlier claim that may state the same fact. <paramref name="Score"/> (0–1) ranks the suggestions;
/// the shared figures and names say to the reviewer why it was suggested.
/// </summary>
public sealed record MatchSuggestion(
    string Id,
    double Score,
    MatchConfidence Confidence,
    MatchFeatures Features,
    IReadOnlyList<string> SharedFigures,
    IReadOnlyList<string> SharedNames);
