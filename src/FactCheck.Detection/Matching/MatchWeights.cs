namespace FactCheck.Detection.Matching;

/// <summary>
/// Turns a candidate's <see cref="MatchFeatures"/> into a score in [0, 1]: logistic regression, so the
/// score is the chance, learnt on training data, that the candidate is the query's fact. The confidence
/// levels are thresholds on that score.
/// </summary>
public sealed class MatchWeights
{
    public MatchWeights(double intercept, IReadOnlyList<double> coefficients, double highFrom = 0.5, double mediumFrom = 0.2)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (coefficients.Count != MatchFeatures.Count)
            throw new ArgumentException($"{MatchFeatures.Count} coefficients are needed, one for each feature.", nameof(coefficients));
        Intercept = intercept;
        Coefficients = [.. coefficients];
        HighFrom = highFrom;
        MediumFrom = mediumFrom;
    }

    /// <summary>
    /// Fitted by <c>match-eval --train</c> on the CheckThat! 2020 Task 2 training tweets against its
    /// verified claims (BENCHMARKS.md, "Claim matching"), before queries carried the embedding's search
    /// instruction: refitted with it, they rank the training tweets worse. The thresholds come from the
    /// share of right top suggestions above each score on the same tweets (96 % High, 47 % Medium).
    /// </summary>
    public static MatchWeights Default { get; } = new(
        -9.4569,
        [1.3857, -0.6355, 1.1618, -0.1788, 0.7651, 0.5943, -1.2483, 1.6304, 0.5260, 0.0782, 0.1126, 0.1333, 3.9308, 2.9891],
        highFrom: 0.5,
        mediumFrom: 0.2);

    public double Intercept { get; }

    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Scores from here up are <see cref="MatchConfidence.High"/>.</summary>
    public double HighFrom { get; }

    /// <summary>Scores from here up (below <see cref="HighFrom"/>) are <see cref="MatchConfidence.Medium"/>.</summary>
    public double MediumFrom { get; }

    public double Score(MatchFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var x = features.ToVector();
        var z = Intercept;
        for (var i = 0; i < x.Length; i++)
            z += Coefficients[i] * x[i];
        return 1 / (1 + Math.Exp(-z));
    }

    public MatchConfidence Confidence(double score) =>
        score >= HighFrom ? MatchConfidence.High : score >= MediumFrom ? MatchConfidence.Medium : MatchConfidence.Low;

    public MatchWeights WithThresholds(double highFrom, double mediumFrom) => new(Intercept, Coefficients, highFrom, mediumFrom);

    /// <summary>
    /// Logistic regression by Newton's method with a small L2 penalty (it keeps the solution finite when a
    /// feature separates the data). Features left out by <paramref name="use"/> get coefficient 0.
    /// </summary>
    public static MatchWeights Fit(IReadOnlyList<(MatchFeatures Features, bool Relevant)> examples, IReadOnlyList<bool>? use = null, double l2 = 1e-4, int iterations = 25)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var columns = Enumerable.Range(0, MatchFeatures.Count).Where(i => use is null || use[i]).ToArray();
        var n = columns.Length + 1; // the intercept is the last
        var rows = examples.Select(e => (X: Row(e.Features.ToVector(), columns), Y: e.Relevant ? 1.0 : 0.0)).ToList();
        var w = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var (x, y) in rows)
            {
                var p = 1 / (1 + Math.Exp(-Dot(w, x)));
                var s = p * (1 - p);
                for (var i = 0; i < n; i++)
                {
                    gradient[i] += (p - y) * x[i];
                    for (var j = 0; j <= i; j++)
                        hessian[i, j] += s * x[i] * x[j];
                }
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++)
                    hessian[j, i] = hessian[i, j];
                if (i < n - 1) // the intercept goes unpenalised
                {
                    gradient[i] += l2 * rows.Count * w[i];
                    hessian[i, i] += l2 * rows.Count;
                }
                else
                {
                    hessian[i, i] += 1e-9 * rows.Count;
                }
            }

            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                w[i] -= step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-8)
                break;
        }

        var coefficients = new double[MatchFeatures.Count];
        for (var c = 0; c < columns.Length; c++)
            coefficients[columns[c]] = w[c];
        return new MatchWeights(w[^1], coefficients);
    }

    private static double[] Row(double[] features, int[] columns)
    {
        var row = new double[columns.Length + 1];
        for (var c = 0; c < columns.Length; c++)
            row[c] = features[columns[c]];
        row[^1] = 1;
        return row;
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Gaussian elimination with partial pivoting; the system is small (one row per feature).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col]))
                    pivot = r;
            }

            if (pivot != col)
            {
                for (var c = 0; c < n; c++)
                    (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }

            for (var r = col + 1; r < n; r++)
            {
                var factor = m[r, col] / m[col, col];
                for (var c = col; c < n; c++)
                    m[r, c] -= factor * m[col, c];
                x[r] -= factor * x[col];
            }
        }

        for (var r = n - 1; r >= 0; r--)
        {
            for (var c = r + 1; c < n; c++)
                x[r] -= m[r, c] * x[c];
            x[r] /= m[r, r];
        }

        return x;
    }
}
