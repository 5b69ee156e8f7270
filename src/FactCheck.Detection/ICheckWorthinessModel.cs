namespace FactCheck.Detection;

/// <summary>Scores sentences for check-worthiness (probability of the Yes class, 0–1) from their text and embedding.</summary>
public interface ICheckWorthinessModel
{
    /// <summary>The probability above which a sentence counts as check-worthy on its own.</summary>
    double Threshold { get; }

    /// <summary>Sentence embeddings (unit length, so a dot product is the cosine similarity).</summary>
    float[][] Embed(IReadOnlyList<string> sentences);

    IReadOnlyList<double> Score(IReadOnlyList<string> sentences, float[][] embeddings);
}
