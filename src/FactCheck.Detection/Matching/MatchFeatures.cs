namespace FactCheck.Detection.Matching;

/// <summary>
/// The evidence that a candidate states the query's fact, each in [0, 1] or close to it. BM25 scores are
/// relative to the query's best (they mean nothing across queries), except <see cref="Bm25Level"/>, which
/// squashes the raw score so that a query with no good match shows it. A candidate without a title takes
/// its claim's values for the title's.
/// </summary>
/// <param name="Bm25">BM25 over claim and title, relative to the query's best.</param>
/// <param name="Bm25Level">The raw BM25 score s as s / (s + 20).</param>
/// <param name="Bm25Claim">BM25 on the claim alone, relative to the query's best.</param>
/// <param name="Bm25Title">BM25 on the title alone, relative to the query's best.</param>
/// <param name="CosineClaim">Cosine of the query's and the claim's embeddings.</param>
/// <param name="CosineTitle">Cosine of the query's and the title's embeddings.</param>
/// <param name="CosineGap">How far the better of the two cosines is below the query's best candidate's (0 for the best).</param>
/// <param name="ReciprocalRank">Reciprocal rank fusion of the BM25 and the embedding rankings (k = 60), 1 for first in both.</param>
/// <param name="FiguresShared">Of the query's figures, the share the candidate states too.</param>
/// <param name="FiguresConflict">1 when both state figures and share none: another number is usually another fact.</param>
/// <param name="NamesShared">Of the query's capitalised names, the share the candidate has.</param>
/// <param name="NamesCount">How many names they share, up to 3, over 3.</param>
/// <param name="Bm25Rank">1 / (1 + rank) in the BM25 ranking (0 first), 0 when not ranked.</param>
/// <param name="CosineRank">1 / (1 + rank) in the embedding ranking, 0 when not ranked.</param>
public sealed record MatchFeatures(
    double Bm25,
    double Bm25Level,
    double Bm25Claim,
    double Bm25Title,
    double CosineClaim,
    double CosineTitle,
    double CosineGap,
    double ReciprocalRank,
    double FiguresShared,
    double FiguresConflict,
    double NamesShared,
    double NamesCount,
    double Bm25Rank,
    double CosineRank)
{
    public const int Count = 14;

    /// <summary>Names of the features, in the order of <see cref="ToVector"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        nameof(Bm25), nameof(Bm25Level), nameof(Bm25Claim), nameof(Bm25Title), nameof(CosineClaim), nameof(CosineTitle),
        nameof(CosineGap), nameof(ReciprocalRank), nameof(FiguresShared), nameof(FiguresConflict), nameof(NamesShared), nameof(NamesCount), nameof(Bm25Rank), nameof(CosineRank),
    ];

    /// <summary>Whether a feature is about the text's entities (figures, names) rather than the retrieval scores.</summary>
    public static bool IsEntityFeature(int index) => Names[index].StartsWith("Figures", StringComparison.Ordinal) || Names[index].StartsWith("Names", StringComparison.Ordinal);

    /// <summary>The better of the claim's and the title's cosine: the embedding's ranking.</summary>
    public double Cosine => Math.Max(CosineClaim, CosineTitle);

    public double[] ToVector() =>
        [Bm25, Bm25Level, Bm25Claim, Bm25Title, CosineClaim, CosineTitle, CosineGap, ReciprocalRank, FiguresShared, FiguresConflict, NamesShared, NamesCount, Bm25Rank, CosineRank];
}
