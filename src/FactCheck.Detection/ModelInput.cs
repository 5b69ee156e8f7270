using Microsoft.ML.Data;

namespace FactCheck.Detection;

internal sealed class ModelInput
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }

    [VectorType(SentenceEmbedder.Dimensions)]
    public float[] Embedding { get; set; } = [];

    public static List<ModelInput> Create(IReadOnlyList<string> texts, IReadOnlyList<bool>? labels, float[][] embeddings) =>
        [.. texts.Select((t, i) => new ModelInput { Text = t, Label = labels?[i] ?? false, Embedding = embeddings[i] })];
}
