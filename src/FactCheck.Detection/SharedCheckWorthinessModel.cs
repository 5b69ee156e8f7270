namespace FactCheck.Detection;

/// <summary>The process-wide shipped model. Not disposable on purpose, so no host can dispose it.</summary>
public sealed class SharedCheckWorthinessModel : ICheckWorthinessModel
{
    internal SharedCheckWorthinessModel()
    {
    }

    private static CheckWorthinessModel Model => CheckWorthinessModel.SharedModelValue;

    public double Threshold => Model.Threshold;

#pragma warning disable CA1822 // An instance property on purpose: callers hold the shared model, not its type.
    public ModelMetadata Metadata => Model.Metadata;
#pragma warning restore CA1822

    public float[][] Embed(IReadOnlyList<string> sentences) => Model.Embed(sentences);

    public IReadOnlyList<double> Score(IReadOnlyList<string> sentences, float[][] embeddings) => Model.Score(sentences, embeddings);
}
