using FactCheck.Detection;
using FactCheck.Testing;

namespace FactCheck.Tests.Detection;

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
