namespace FactCheck.Detection;

/// <summary>
/// How alike two claims are, by the cosine of their sentence embeddings. <see cref="SuggestionThreshold"/>
/// is calibrated on the labelled pairs in Calibration/similar-claims.tsv (same fact, or related but
/// different): above it, an earlier claim is shown to the reviewer as possibly the same.
/// </summary>
public static class ClaimSimilarity
{
    public const double SuggestionThreshold = 0.93;

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0)
            return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    public static byte[] ToBytes(float[] embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var bytes = new byte[embedding.Length * sizeof(float)];
        Buffer.BlockCopy(embedding, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var embedding = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, embedding, 0, embedding.Length * sizeof(float));
        return embedding;
    }

    /// <summary>Reads labelled pairs (<c>same\tfirst\tsecond</c>, same = yes/no) and finds the threshold that best separates them.</summary>
    public static (double Threshold, double Accuracy, IReadOnlyList<(bool Same, double Cosine)> Pairs) Calibrate(ICheckWorthinessModel model, string pairsTsv)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairsTsv);
        var rows = pairsTsv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(f => (Same: f[0] == "yes", First: f[1], Second: f[2]))
            .ToList();
        var embeddings = model.Embed([.. rows.SelectMany(r => new[] { r.First, r.Second })]);
        var pairs = rows.Select((r, i) => (r.Same, Cosine(embeddings[2 * i], embeddings[(2 * i) + 1]))).ToList();

        var best = (Threshold: 0.0, Accuracy: -1.0);
        foreach (var candidate in pairs.Select(p => p.Item2).Order())
        {
            var accuracy = pairs.Count(p => (p.Item2 >= candidate) == p.Same) / (double)pairs.Count;
            if (accuracy > best.Accuracy)
                best = (candidate, accuracy);
        }

        return (best.Threshold, best.Accuracy, pairs);
    }
}
