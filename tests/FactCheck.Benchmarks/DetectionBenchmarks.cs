using BenchmarkDotNet.Attributes;
using FactCheck.Detection;

namespace FactCheck.Benchmarks;

/// <summary>
/// Detection speed on the sample article (3,900 characters, 30 sentences) and on 200 sentences of
/// dev.tsv. Sentence splitting alone is the baseline the other figures are read against.
/// </summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private string _article = "";
    private string[] _sentences = [];
    private CheckWorthinessModel _model = null!;
    private ClaimDetector _detector = null!;

    [GlobalSetup]
    public void Setup()
    {
        _article = File.ReadAllText(BenchmarkData.Path("article.txt"));
        _sentences = [.. CheckWorthinessData.Load(BenchmarkData.Path("dev.tsv")).Take(200).Select(s => s.Text)];
        _model = CheckWorthinessModel.LoadShipped();
        _detector = new ClaimDetector(_model);
    }

    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    [Benchmark(Baseline = true, Description = "split the sample article into sentences")]
    public int SplitSampleArticle() => SentenceSplitter.Sentences(_article).Count;

    [Benchmark(Description = "detect the sample article's claims")]
    public int DetectSampleArticle() => _detector.Detect(_article).Count;

    /// <summary>As the extraction consumer runs it: several articles at once, one model.</summary>
    [Benchmark(Description = "detect 4 sample articles at once", OperationsPerInvoke = 4)]
    public int DetectFourArticlesAtOnce()
    {
        var counts = new int[4];
        Parallel.For(0, counts.Length, new ParallelOptions { MaxDegreeOfParallelism = counts.Length }, i => counts[i] = _detector.Detect(_article).Count);
        return counts.Sum();
    }

    [Benchmark(Description = "score 200 sentences", OperationsPerInvoke = 200)]
    public double ScoreSentences() => _model.Score(_sentences)[0];
}
