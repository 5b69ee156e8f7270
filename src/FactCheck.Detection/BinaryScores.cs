namespace FactCheck.Detection;

/// <summary>Precision, recall and F1 of the Yes class.</summary>
public sealed record BinaryScores(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static BinaryScores Of(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            switch (truth[i], predicted[i])
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (true, false): fn++; break;
                default: tn++; break;
            }
        }

        return new BinaryScores(tp, fp, fn, tn);
    }

    public override string ToString() =>
        FormattableString.Invariant($"precision={Precision:F3} recall={Recall:F3} f1={F1:F3}");
}
