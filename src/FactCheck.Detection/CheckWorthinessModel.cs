using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace FactCheck.Detection;

/// <summary>
/// The trained check-worthiness classifier: logistic regression (ML.NET) over word 1–2-grams,
/// character 3-grams and the sentence's Arctic-embed XS embedding. The model ships inside this
/// assembly; its decision threshold was chosen on held-out training data, not on dev.
/// </summary>
public sealed class CheckWorthinessModel : ICheckWorthinessModel, IDisposable
{
    internal const string ResourceName = "FactCheck.Detection.checkworthiness.zip";
    internal const string MetadataEntry = "factcheck.metadata.json";

    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SentenceEmbedder _embedder;
    private readonly bool _ownsEmbedder;

    internal CheckWorthinessModel(MLContext ml, ITransformer model, SentenceEmbedder embedder, ModelMetadata metadata, bool ownsEmbedder)
    {
        _ml = ml;
        _model = model;
        _embedder = embedder;
        _ownsEmbedder = ownsEmbedder;
        Metadata = metadata;
    }

    public ModelMetadata Metadata { get; }

    public double Threshold => Metadata.Threshold;

    private static readonly Lazy<CheckWorthinessModel> SharedModel = new(() => LoadShipped(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The shipped model, loaded once per process on first use and never disposed: hosts that come
    /// and go (tests, a web app and its workers in one process) share its 250 MB encoder.
    /// </summary>
    public static SharedCheckWorthinessModel Shared { get; } = new();

    internal static CheckWorthinessModel SharedModelValue => SharedModel.Value;

    /// <summary>Loads the model shipped in this assembly.</summary>
    public static CheckWorthinessModel LoadShipped(SentenceEmbedder? embedder = null)
    {
        using var stream = typeof(CheckWorthinessModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The check-worthiness model is not in the assembly; run 'dotnet run --project src/FactCheck.Cli -- train' and rebuild.");
        return Load(stream, embedder);
    }

    private static readonly Lazy<ModelMetadata> ShippedMetadataValue = new(() =>
    {
        using var stream = typeof(CheckWorthinessModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The check-worthiness model is not in the assembly.");
        return ReadMetadata(stream);
    });

    /// <summary>
    /// The shipped model's metadata (when it was trained, on what), read without loading the model:
    /// for pages that report on the model without scoring.
    /// </summary>
    public static ModelMetadata ShippedMetadata => ShippedMetadataValue.Value;

    public static ModelMetadata ReadMetadata(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        using var entry = (archive.GetEntry(MetadataEntry) ?? throw new InvalidDataException("The model has no metadata entry.")).Open();
        return JsonSerializer.Deserialize<ModelMetadata>(entry) ?? throw new InvalidDataException("Unreadable model metadata.");
    }

    public static CheckWorthinessModel Load(Stream zip, SentenceEmbedder? embedder = null)
    {
        var metadata = ReadMetadata(zip);
        if (metadata.Encoder != SentenceEmbedder.Name)
            throw new InvalidDataException($"The model was trained with '{metadata.Encoder}' embeddings; this build computes '{SentenceEmbedder.Name}'.");

        zip.Position = 0;
        var ml = new MLContext(seed: CheckWorthinessTrainer.Seed);
        var model = ml.Model.Load(zip, out _);
        return new CheckWorthinessModel(ml, model, embedder ?? new SentenceEmbedder(), metadata, ownsEmbedder: embedder is null);
    }

    public float[][] Embed(IReadOnlyList<string> sentences) => _embedder.Embed(sentences);

    public IReadOnlyList<double> Score(IReadOnlyList<string> sentences, float[][] embeddings)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return sentences.Count == 0 ? [] : Probabilities(_ml, _model, ModelInput.Create(sentences, null, embeddings));
    }

    internal static double[] Probabilities(MLContext ml, ITransformer model, IEnumerable<ModelInput> rows) =>
        [.. ml.Data.CreateEnumerable<ModelOutput>(model.Transform(ml.Data.LoadFromEnumerable(rows)), reuseRowObject: false).Select(o => (double)o.Probability)];

    public void Dispose()
    {
        if (_ownsEmbedder)
            _embedder.Dispose();
    }
}
