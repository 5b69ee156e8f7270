using System.Runtime.InteropServices;
using FactCheck.Detection;
using FactCheck.Testing;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>The detector against the sample article's gold annotation (tests/FactCheck.Tests/Data/gold.json).</summary>
public sealed partial class SampleArticleGoldTests(ITestOutputHelper output)
{
    private static ClaimDetector Detector => new(CheckWorthinessModel.Shared);

    private sealed record GoldClaim(string Quote, int Start, int End, string Level, string[] Quantities);

    private static List<GoldClaim> Gold(string property) =>
        [.. SampleArticle.Gold.RootElement.GetProperty(property).EnumerateArray().Select(e => new GoldClaim(
            e.GetProperty("quote").GetString()!,
            e.GetProperty("start").GetInt32(),
            e.GetProperty("end").GetInt32(),
            e.TryGetProperty("level", out var level) ? level.GetString()! : "not",
            e.TryGetProperty("quantities", out var q) ? [.. q.EnumerateArray().Select(x => x.GetString()!)] : []))];

    [Fact]
    public void Every_must_claim_is_found_with_its_quantities_and_no_non_claim_becomes_one()
    {
        var text = SampleArticle.Text;
        var claims = Detector.Detect(text);
        foreach (var claim in claims)
            output.WriteLine($"[{claim.Start}-{claim.End}] {claim.Score:F2} {claim.Speaker} dup={claim.DuplicateOf} :: {claim.Text}");

        var missing = new List<string>();
        foreach (var gold in Gold("claims"))
        {
            Assert.Equal(gold.Quote, text[gold.Start..gold.End]);
            var found = claims.FirstOrDefault(c => c.Start < gold.End && gold.Start < c.End);
            if (found is null)
            {
                if (gold.Level == "must")
                    missing.Add(gold.Quote);
                output.WriteLine($"not found ({gold.Level}): {gold.Quote}");
                continue;
            }

            foreach (var number in gold.Quantities)
            {
                Assert.True(
                    found.Quantities.Any(q => q.Text.Contains(number, StringComparison.OrdinalIgnoreCase) && gold.Start <= q.End && q.Start <= found.End),
                    $"quantity '{number}' of '{gold.Quote}' not recognised; found: {string.Join(" | ", found.Quantities.Select(q => q.Text))}");
            }
        }

        Assert.True(missing.Count == 0, "must claims not found: " + string.Join(" | ", missing));
        foreach (var not in Gold("not_claims"))
            Assert.DoesNotContain(claims, c => c.Start < not.End && not.Start < c.End);
    }

    [Fact]
    public void The_repeated_special_forces_claim_is_linked_to_the_first()
    {
        var text = SampleArticle.Text;
        var claims = Detector.Detect(text);
        var first = claims.ToList().FindIndex(c => c.Text.Contains("estimated 200 special forces", StringComparison.Ordinal));
        var repeat = claims.Single(c => c.Text.Contains("A similar number of Canadian special-forces soldiers", StringComparison.Ordinal));
        Assert.Equal(first, repeat.DuplicateOf);
        Assert.Equal(1, claims.Count(c => c.DuplicateOf is not null));
    }

    [Fact]
    public void Speakers_of_the_sample_article_are_attributed()
    {
        var claims = Detector.Detect(SampleArticle.Text);
        Assert.Contains(claims, c => c.Speaker == "Officials" && c.Text.StartsWith("Officials have said", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Speaker?.StartsWith("the report from the Inspector General", StringComparison.Ordinal) == true);
    }
}

/// <summary>The shipped model as the app uses it: one per process, shared by every test and test host.</summary>
public sealed partial class CheckWorthinessModelTests
{
    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [Fact]
    public void The_shipped_model_separates_a_checkable_statement_from_small_talk()
    {
        var scores = CheckWorthinessModel.Shared.Score(["Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.", "Thank you very much, it is good to be here."]);
        Assert.True(scores[0] >= CheckWorthinessModel.Shared.Threshold, $"statement scored {scores[0]:F3}");
        Assert.True(scores[1] < CheckWorthinessModel.Shared.Threshold, $"small talk scored {scores[1]:F3}");
        Assert.InRange(CheckWorthinessModel.Shared.Threshold, 0.05, 0.95);
        Assert.Equal("arctic-embed-xs", CheckWorthinessModel.Shared.Metadata.Encoder);
    }

    [Fact]
    public void Onnx_runtime_telemetry_is_off_in_the_native_environment()
    {
        _ = CheckWorthinessModel.Shared.Threshold;
        Assert.Equal("1", Marshal.PtrToStringUTF8(GetEnv("ORT_DISABLE_TELEMETRY")));
    }

    [Fact]
    public void The_data_files_load_with_the_published_counts_despite_the_joined_line()
    {
        var train = CheckWorthinessData.Load(TrainingData.File("train.tsv"));
        var dev = CheckWorthinessData.Load(TrainingData.File("dev.tsv"));
        Assert.Equal((22_501, 5_413), (train.Count, train.Count(s => s.CheckWorthy)));
        Assert.Equal((1_032, 238), (dev.Count, dev.Count(s => s.CheckWorthy)));
        Assert.Contains(train, s => s is { Id: "29286", Text: "You can't bring back jobs.", CheckWorthy: false });
        Assert.DoesNotContain(dev, s => s.Text.EndsWith('\r'));
    }
}

public sealed class ClaimSimilarityTests
{
    [Fact]
    public void The_shipped_suggestion_threshold_separates_the_labelled_pairs_about_as_well_as_the_best_one()
    {
        var pairs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "src", "FactCheck.Detection", "Calibration", "similar-claims.tsv"));
        var (best, bestAccuracy, scored) = ClaimSimilarity.Calibrate(CheckWorthinessModel.Shared, pairs);
        var shippedAccuracy = scored.Count(p => (p.Cosine >= ClaimSimilarity.SuggestionThreshold) == p.Same) / (double)scored.Count;

        Assert.Equal(30, scored.Count);
        Assert.True(shippedAccuracy >= 0.85, $"shipped threshold {ClaimSimilarity.SuggestionThreshold} has accuracy {shippedAccuracy:F3}");
        Assert.True(bestAccuracy - shippedAccuracy <= 0.05, $"the best threshold {best:F3} reaches {bestAccuracy:F3}; recalibrate");
        Assert.True(scored.Where(p => p.Same).Average(p => p.Cosine) > scored.Where(p => !p.Same).Average(p => p.Cosine));
    }
}
