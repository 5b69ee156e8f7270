namespace FactCheck.Detection.Matching;

/// <summary>
/// A claim that was checked before: an earlier claim of the workflow or a verified claim of a reference
/// collection. <paramref name="Title"/> is the fact-check's headline, where there is one. Embeddings that
/// the caller already has (stored with a claim) save the matcher computing them again.
/// </summary>
public sealed record MatchCandidate(string Id, string Text, string? Title = null, float[]? Embedding = null, float[]? TitleEmbedding = null);
