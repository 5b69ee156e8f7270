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
    /// Fitted listwise (<see cref="FitListwise"/>) by <c>match-eval --train</c> on the CheckThat! 2020
    /// Task 2 training tweets against its verified claims (BENCHMARKS.md, "Claim matching"): it ranked
    /// them better, cross-validated, than the pointwise fit and than plain rank fusion. The thresholds
    /// come from the share of right top suggestions above each score on the same tweets.
    /// </summary>
    public static MatchWeights Default { get; } = new(
        -13.9701,
        [-1.0442, 0.5555, 0.9605, 0.2237, 3.4597, 3.2137, -2.8300, 3.9453, 1.4278, 0.0291, 0.5249, 0.8523, 3.2235, 2.9101],
        highFrom: 0.5,
        mediumFrom: 0.1);

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

    /// <summary>
    /// Listwise: the weights that make each query's relevant candidates likeliest under a softmax over its
    /// pool (conditional logit, Newton's method), which is what a ranking needs; then one logistic fit of
    /// the resulting score over all candidates turns it into a probability without changing the order.
    /// </summary>
    public static MatchWeights FitListwise(IReadOnlyList<IReadOnlyList<(MatchFeatures Features, bool Relevant)>> pools, double l2 = 1e-3, int iterations = 30)
    {
        ArgumentNullException.ThrowIfNull(pools);
        var n = MatchFeatures.Count;
        var groups = pools.Where(p => p.Any(e => e.Relevant) && p.Any(e => !e.Relevant))
            .Select(p => p.Select(e => (X: e.Features.ToVector(), e.Relevant)).ToList()).ToList();
        var w = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            foreach (var group in groups)
            {
                var z = group.Select(e => Dot(w, e.X)).ToArray();
                var max = z.Max();
                var e = z.Select(v => Math.Exp(v - max)).ToArray();
                var sum = e.Sum();
                var mean = new double[n];
                for (var k = 0; k < group.Count; k++)
                {
                    for (var i = 0; i < n; i++)
                        mean[i] += e[k] / sum * group[k].X[i];
                }

                var relevant = group.Where(g => g.Relevant).ToList();
                foreach (var r in relevant)
                {
                    for (var i = 0; i < n; i++)
                        gradient[i] += (mean[i] - r.X[i]) / relevant.Count;
                }

                for (var k = 0; k < group.Count; k++)
                {
                    var p = e[k] / sum;
                    for (var i = 0; i < n; i++)
                    {
                        for (var j = 0; j < n; j++)
                            hessian[i, j] += p * (group[k].X[i] - mean[i]) * (group[k].X[j] - mean[j]);
                    }
                }
            }

            for (var i = 0; i < n; i++)
            {
                gradient[i] += l2 * groups.Count * w[i];
                hessian[i, i] += l2 * groups.Count;
            }

            // Damped: a full Newton step from far away can overshoot.
            var step = Solve(hessian, gradient);
            var damping = Math.Min(1, 2 / Math.Max(1e-12, step.Max(Math.Abs)));
            for (var i = 0; i < n; i++)
                w[i] -= damping * step[i];
            if (step.Max(Math.Abs) < 1e-8)
                break;
        }

        // Calibration: p = σ(a·(w·x) + c) over all candidates.
        var scored = pools.SelectMany(p => p).Select(e => (Z: Dot(w, e.Features.ToVector()), Y: e.Relevant ? 1.0 : 0.0)).ToList();
        double a = 1, c = -5;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            double ga = 0, gc = 0, haa = 1e-9, hac = 0, hcc = 1e-9;
            foreach (var (z, y) in scored)
            {
                var p = 1 / (1 + Math.Exp(-((a * z) + c)));
                var s = p * (1 - p);
                ga += (p - y) * z;
                gc += p - y;
                haa += s * z * z;
                hac += s * z;
                hcc += s;
            }

            var step = Solve(new[,] { { haa, hac }, { hac, hcc } }, [ga, gc]);
            var damping = Math.Min(1, 1 / Math.Max(1e-12, Math.Max(Math.Abs(step[0]), Math.Abs(step[1]))));
            a -= damping * step[0];
            c -= damping * step[1];
            if (Math.Max(Math.Abs(step[0]), Math.Abs(step[1])) < 1e-10)
                break;
        }

        return new MatchWeights(c, [.. w.Select(v => a * v)]);
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
