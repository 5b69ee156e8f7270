namespace FactCheck.Detection;

/// <summary>
/// A check-worthy claim found in an article. <see cref="DuplicateOf"/> is the index of an earlier
/// claim stating the same fact; <see cref="Embedding"/> the sentence embedding, for finding similar
/// claims in other articles. <see cref="Statement"/> is the claim as it is checked, standing on its
/// own (an atomic part of a sentence carries the context it needs); null means the text itself.
/// </summary>
public sealed record DetectedClaim(
    int Start,
    int End,
    string Text,
    double Score,
    string? Speaker,
    IReadOnlyList<Quantity> Quantities,
    int? DuplicateOf = null,
    [property: System.Text.Json.Serialization.JsonIgnore] float[]? Embedding = null,
    string? Statement = null);
