using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using FactCheck.Detection;
using FactCheck.Detection.Matching;

/// <summary>
/// match-eval: the claim matcher on data in the CLEF CheckThat! 2020 Task 2 format (verified claims
/// <c>id, claim, title</c>; queries <c>id, text</c>; TREC qrels). Scores MAP@5 and P@1 of the shipped
/// ranking and, for comparison, of BM25 alone, the embedding alone and their reciprocal rank fusion;
/// with <c>--train</c> it fits the ranking on other queries first, with <c>--folds</c> it cross-validates.
/// </summary>
internal static class MatchEvaluation
{
    private const int Cutoff = 5;

    private static readonly double[] Steps = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    public static int Run(string verifiedFile, string queriesFile, string qrelsFile, (string Queries, string Qrels)? train, int folds)
    {
        var verified = ReadTsv(verifiedFile).Select(f => (Id: f[0], Claim: f.Length > 1 ? f[1] : "", Title: f.Length > 2 ? f[2] : null)).ToList();
        var queries = Labelled(queriesFile, qrelsFile);
        Console.Error.WriteLine($"{verified.Count} verified claims, {queries.Count} queries with relevance judgements");

        using var embedder = new SentenceEmbedder();
        var clock = Stopwatch.StartNew();
        var vectors = Embeddings(verified.Select(v => (v.Claim, v.Title)).ToList(), embedder);
        Console.Error.WriteLine($"embeddings ready in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        using var matcher = new ClaimMatcher(embedder.Embed);
        matcher.Add(verified.Select((v, i) => new MatchCandidate(v.Id, v.Claim, v.Title, vectors[i].Claim, vectors[i].Title)));
        Console.Error.WriteLine($"index of {matcher.Count} candidates built in {clock.Elapsed.TotalSeconds:F1} s (embeddings apart)");

        var (pools, msPerQuery) = Pools(matcher, queries);
        Console.Error.WriteLine($"a relevant claim is among the candidates of {queries.Where((q, i) => pools[i].Any(s => q.Relevant.Contains(s.Id))).Count()} of {queries.Count} queries");
        // Ties (the collection holds the same claim more than once) go by each ranking's own order.
        Console.WriteLine(Line("bm25", queries, pools, p => p.Features.Bm25 + (1e-9 * p.Features.Bm25Rank)));
        Console.WriteLine(Line("embedding", queries, pools, p => p.Features.Cosine + (1e-9 * p.Features.CosineRank)));
        Console.WriteLine(Line("rrf", queries, pools, p => p.Features.ReciprocalRank));

        var fusedOnly = Enumerable.Range(0, MatchFeatures.Count).Select(i => !MatchFeatures.IsEntityFeature(i)).ToArray();
        if (train is { } t)
        {
            var trainQueries = Labelled(t.Queries, t.Qrels);
            Console.Error.WriteLine($"fitting on {trainQueries.Count} training queries");
            var (trainPools, _) = Pools(matcher, trainQueries);
            var fused = MatchWeights.Fit(Examples(trainQueries, trainPools), fusedOnly);
            var full = MatchWeights.Fit(Examples(trainQueries, trainPools));
            Console.Error.WriteLine($"fitted on training queries: {Describe(full)}");
            Console.Error.WriteLine("on the training queries, top suggestion by score from:");
            Thresholds(trainQueries, trainPools, full);
            Console.WriteLine(Line("fused (fitted on --train)", queries, pools, p => fused.Score(p.Features)));
            Console.WriteLine(Line("fused+features (fitted on --train)", queries, pools, p => full.Score(p.Features)));
            var listwise = MatchWeights.FitListwise(Groups(trainQueries, trainPools));
            Console.Error.WriteLine($"listwise, fitted on training queries: {Describe(listwise)}");
            Console.Error.WriteLine("listwise, on the training queries, top suggestion by score from:");
            Thresholds(trainQueries, trainPools, listwise);
            Console.WriteLine(Line("listwise (fitted on --train)", queries, pools, p => listwise.Score(p.Features)));
        }

        if (folds > 1)
        {
            Console.WriteLine(Line($"fused ({folds}-fold cross-validated)", queries, CrossValidated(queries, pools, folds, fusedOnly)));
            Console.WriteLine(Line($"fused+features ({folds}-fold cross-validated)", queries, CrossValidated(queries, pools, folds, null)));
            Console.WriteLine(Line($"listwise ({folds}-fold cross-validated)", queries, CrossValidated(queries, pools, folds, null, listwise: true)));
        }

        Console.Error.WriteLine("shipped weights, top suggestion by confidence:");
        foreach (var level in new[] { MatchConfidence.High, MatchConfidence.Medium, MatchConfidence.Low })
        {
            var tops = queries.Select((q, i) => (q, Top: pools[i].Count > 0 ? pools[i][0] : null)).Where(x => x.Top?.Confidence == level).ToList();
            var right = tops.Count(x => x.q.Relevant.Contains(x.Top!.Id));
            Console.Error.WriteLine(FormattableString.Invariant($"  {level,-6} {tops.Count} queries, top suggestion right in {right} ({(tops.Count == 0 ? 0 : (double)right / tops.Count):F3})"));
        }

        var (map, p1) = Scores(queries, [.. pools.Select(p => p.Select(s => s.Id).ToList())]);
        Console.WriteLine(FormattableString.Invariant($"map@5={map:F3} p@1={p1:F3} queries={queries.Count} ms/query={msPerQuery:F1}"));
        return 0;
    }

    private sealed record Query(string Id, string Text, HashSet<string> Relevant);

    /// <summary>
    /// Rows of a tab-separated file, without its header (a row with no id). A field may be quoted as in CSV
    /// (the verified claims were written so): then it may hold tabs, line breaks and doubled quotes.
    /// </summary>
    private static IEnumerable<string[]> ReadTsv(string file)
    {
        var text = File.ReadAllText(file);
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && field.Length == 0 && text[i] == '"')
            {
                for (i++; i < text.Length && (text[i] != '"' || (i + 1 < text.Length && text[i + 1] == '"')); i++)
                    field.Append(text[i] == '"' ? text[i++] : text[i]);
                continue; // i is at the closing quote
            }

            if (i < text.Length && text[i] != '\t' && text[i] != '\n')
            {
                if (text[i] != '\r')
                    field.Append(text[i]);
                continue;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == '\t')
                continue;
            if (fields[0].Trim().Length > 0)
                yield return [.. fields];
            fields.Clear();
        }
    }

    private static List<Query> Labelled(string queriesFile, string qrelsFile)
    {
        var relevant = File.ReadLines(qrelsFile)
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 4 && int.TryParse(f[3], CultureInfo.InvariantCulture, out var r) && r > 0)
            .GroupBy(f => f[0], f => f[2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        return [.. ReadTsv(queriesFile).Where(f => f.Length > 1 && relevant.ContainsKey(f[0])).Select(f => new Query(f[0], f[1], relevant[f[0]]))];
    }

    /// <summary>Every query's whole candidate pool, best first, and the mean time of a match (the query's embedding included).</summary>
    private static (List<IReadOnlyList<MatchSuggestion>> Pools, double MsPerQuery) Pools(ClaimMatcher matcher, List<Query> queries)
    {
        var pools = new List<IReadOnlyList<MatchSuggestion>>(queries.Count);
        var clock = new Stopwatch();
        foreach (var query in queries)
        {
            clock.Start();
            pools.Add(matcher.Match(query.Text, null, int.MaxValue));
            clock.Stop();
            if (pools.Count % 100 == 0)
                Console.Error.WriteLine($"  matched {pools.Count}/{queries.Count}");
        }

        return (pools, clock.Elapsed.TotalMilliseconds / Math.Max(1, queries.Count));
    }

    private static List<(MatchFeatures, bool)> Examples(List<Query> queries, List<IReadOnlyList<MatchSuggestion>> pools) =>
        [.. queries.SelectMany((q, i) => pools[i].Select(s => (s.Features, q.Relevant.Contains(s.Id))))];

    private static List<IReadOnlyList<(MatchFeatures, bool)>> Groups(List<Query> queries, List<IReadOnlyList<MatchSuggestion>> pools) =>
        [.. queries.Select((q, i) => (IReadOnlyList<(MatchFeatures, bool)>)[.. pools[i].Select(s => (s.Features, q.Relevant.Contains(s.Id)))])];

    private static List<List<string>> CrossValidated(List<Query> queries, List<IReadOnlyList<MatchSuggestion>> pools, int folds, bool[]? use, bool listwise = false)
    {
        var ranked = new List<string>[queries.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = Enumerable.Range(0, queries.Count).Where(i => i % folds != fold).ToList();
            List<Query> trainingQueries = [.. training.Select(i => queries[i])];
            List<IReadOnlyList<MatchSuggestion>> trainingPools = [.. training.Select(i => pools[i])];
            var weights = listwise ? MatchWeights.FitListwise(Groups(trainingQueries, trainingPools)) : MatchWeights.Fit(Examples(trainingQueries, trainingPools), use);
            for (var i = fold; i < queries.Count; i += folds)
                ranked[i] = [.. pools[i].OrderByDescending(s => weights.Score(s.Features)).Select(s => s.Id)];
        }

        return [.. ranked];
    }

    private static string Line(string variant, List<Query> queries, List<IReadOnlyList<MatchSuggestion>> pools, Func<MatchSuggestion, double> by) =>
        Line(variant, queries, [.. pools.Select(p => p.OrderByDescending(by).Select(s => s.Id).ToList())]);

    private static string Line(string variant, List<Query> queries, List<List<string>> ranked)
    {
        var (map, p1) = Scores(queries, ranked);
        return FormattableString.Invariant($"{variant}: map@5={map:F3} p@1={p1:F3}");
    }

    /// <summary>MAP@5 as CheckThat! scores it (precision at each relevant hit in the top 5, over the relevant count) and P@1.</summary>
    private static (double Map, double P1) Scores(List<Query> queries, List<List<string>> ranked)
    {
        double sumAp = 0, sumP1 = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var relevant = queries[q].Relevant;
            double hits = 0, precision = 0;
            for (var i = 0; i < Math.Min(Cutoff, ranked[q].Count); i++)
            {
                if (relevant.Contains(ranked[q][i]))
                    precision += ++hits / (i + 1);
            }

            sumAp += precision / relevant.Count;
            sumP1 += ranked[q].Count > 0 && relevant.Contains(ranked[q][0]) ? 1 : 0;
        }

        return queries.Count == 0 ? (0, 0) : (sumAp / queries.Count, sumP1 / queries.Count);
    }

    /// <summary>For the confidence thresholds: how many queries' top suggestion scores at least t, and how often it is right.</summary>
    private static void Thresholds(List<Query> queries, List<IReadOnlyList<MatchSuggestion>> pools, MatchWeights weights)
    {
        var tops = new List<(double Score, bool Right)>();
        for (var q = 0; q < queries.Count; q++)
        {
            if (pools[q].MaxBy(s => weights.Score(s.Features)) is { } top)
                tops.Add((weights.Score(top.Features), queries[q].Relevant.Contains(top.Id)));
        }

        foreach (var t in Steps)
        {
            var above = tops.Where(x => x.Score >= t).ToList();
            Console.Error.WriteLine(FormattableString.Invariant($"  {t:F2}: {above.Count} queries, right in {(above.Count == 0 ? 0 : above.Count(x => x.Right) / (double)above.Count):F3}"));
        }
    }

    private static string Describe(MatchWeights w) =>
        string.Create(CultureInfo.InvariantCulture, $"intercept {w.Intercept:R}, [{string.Join(", ", w.Coefficients.Select(c => c.ToString("R", CultureInfo.InvariantCulture)))}] ({string.Join(", ", MatchFeatures.Names)})");

    /// <summary>
    /// Claim and title embeddings, cached in the temp folder under the texts' hash: embedding 10,000 claims
    /// and titles takes minutes on two cores, and evaluations are run again and again.
    /// </summary>
    private static List<(float[] Claim, float[]? Title)> Embeddings(List<(string Claim, string? Title)> texts, SentenceEmbedder embedder)
    {
        var key = string.Join('\n', texts.Select(t => $"{t.Claim}\t{t.Title}").Prepend(SentenceEmbedder.Name));
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];
        var cache = Path.Combine(Path.GetTempPath(), $"factcheck-match-{hash}.vectors");
        if (File.Exists(cache))
        {
            Console.Error.WriteLine($"embeddings from {cache}");
            using var reader = new BinaryReader(File.OpenRead(cache));
            return [.. Enumerable.Range(0, reader.ReadInt32()).Select(_ => (ReadVector(reader)!, ReadVector(reader)))];
        }

        var result = new List<(float[], float[]?)>(texts.Count);
        for (var start = 0; start < texts.Count; start += 500)
        {
            var chunk = texts.Skip(start).Take(500).ToList();
            var claims = embedder.Embed([.. chunk.Select(c => c.Claim)]);
            var titled = chunk.Select((c, i) => (c.Title, i)).Where(c => !string.IsNullOrWhiteSpace(c.Title)).ToList();
            var titles = embedder.Embed([.. titled.Select(c => c.Title!)]);
            var byIndex = titled.Select((c, j) => (c.i, Vector: titles[j])).ToDictionary(x => x.i, x => x.Vector);
            result.AddRange(chunk.Select((_, i) => (claims[i], byIndex.GetValueOrDefault(i))));
            Console.Error.WriteLine($"  embedded {result.Count}/{texts.Count}");
        }

        // Written aside and moved into place, so that a run stopped half-way leaves no half a cache.
        var partial = $"{cache}.{Environment.ProcessId}";
        using (var writer = new BinaryWriter(File.Create(partial)))
        {
            writer.Write(result.Count);
            foreach (var (claim, title) in result)
            {
                WriteVector(writer, claim);
                WriteVector(writer, title);
            }
        }

        File.Move(partial, cache, overwrite: true);

        return result;
    }

    private static float[]? ReadVector(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        return length < 0 ? null : [.. Enumerable.Range(0, length).Select(_ => reader.ReadSingle())];
    }

    private static void WriteVector(BinaryWriter writer, float[]? vector)
    {
        writer.Write(vector?.Length ?? -1);
        foreach (var x in vector ?? [])
            writer.Write(x);
    }
}
