using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactCheck.Detection;
using FactCheck.Workflow.Labels;

// Usage:
//   extract <article.txt>          the article's claims as JSON
//   eval <sentences.tsv> [--with-desk-labels <source>]
//                                  precision/recall/F1 of the Yes class at the shipped threshold; the desk's
//                                  labels, if given, are scored apart on a line of their own
//   train [train.tsv] [model-dir] [--with-desk-labels <source>]
//                                  trains the check-worthiness model and writes it into the repository
//                                  (default: src/FactCheck.Detection/Training/train.tsv, .../Model); the desk's
//                                  labels are added to the data, each counted CheckWorthinessTrainer.DeskLabelCopies times
//   desk-labels export <file.tsv> --connection <connection string> [--provider p]
//                                  the desk's labels in the training data's format
//   calibrate <pairs.tsv>          the similar-claims threshold that best separates labelled pairs
//   match-eval <verified.tsv> <queries.tsv> <qrels> [--train <queries.tsv> <qrels>] [--folds N]
//                                  MAP@5 and P@1 of the claim matcher (CheckThat! 2020 Task 2 format), last
//                                  line `map@5=… p@1=… queries=N ms/query=…`; --train fits the ranking on
//                                  other queries first and prints its weights, --folds cross-validates
//   contracts [file.md]            the message contracts document (docs/contracts.md)
// <source> is a file the desk exported (a path ending .tsv) or the workflow's database: its connection
// string, with --provider postgresql|sqlserver|sqlite (default sqlite; a bare file name is its Data Source).
return args switch
{
    ["contracts"] => WriteContracts(null),
    ["contracts", var target] => WriteContracts(target),
    ["extract", var file] => Extract(file),
    ["eval", .. var rest] => Evaluate(rest),
    ["train", .. var rest] => Train(rest),
    ["desk-labels", "export", .. var rest] => ExportDeskLabels(rest),
    ["calibrate", var pairs] => Calibrate(pairs),
    ["match-eval", .. var rest] => MatchEval(rest),
    _ => Usage(),
};

static int WriteContracts(string? target)
{
    var markdown = FactCheck.Contracts.ContractCatalog.RenderMarkdown();
    if (target is null)
        Console.Write(markdown);
    else
        File.WriteAllText(target, markdown);
    return 0;
}

static int Extract(string file)
{
    var text = File.ReadAllText(file);
    using var model = CheckWorthinessModel.LoadShipped();
    var claims = new ClaimDetector(model).Detect(text);
    var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
    Console.WriteLine(JsonSerializer.Serialize(claims, options));
    return 0;
}

static int Evaluate(string[] args)
{
    if (!TryParse(args, ["--with-desk-labels", "--provider"], out var positional, out var options) || positional is not [var file]
        || !TryDeskLabels(options.GetValueOrDefault("--with-desk-labels"), options.GetValueOrDefault("--provider"), out var desk))
        return Usage();
    var data = CheckWorthinessData.Load(file);
    var deskLabels = desk?.Load();
    var clock = Stopwatch.StartNew();
    using var model = CheckWorthinessModel.LoadShipped();
    var loaded = clock.Elapsed;
    clock.Restart();
    var probabilities = model.Score([.. data.Select(d => d.Text)]);
    var scored = clock.Elapsed;

    var truth = data.Select(d => d.CheckWorthy).ToList();
    var scores = BinaryScores.Of(truth, [.. probabilities.Select(p => p >= model.Threshold)]);
    Console.Error.WriteLine($"{data.Count} sentences ({truth.Count(t => t)} Yes); model loaded in {loaded.TotalMilliseconds:F0} ms, scored in {scored.TotalMilliseconds:F0} ms ({data.Count / scored.TotalSeconds:F0} sentences/s); threshold {model.Threshold:F3}");
    Console.WriteLine(scores);
    if (deskLabels is null)
        return 0;

    // Apart from the base set: news prose the desk judged, not debate transcripts.
    if (deskLabels.Count == 0)
    {
        Console.WriteLine($"desk labels: none in {desk}");
        return 0;
    }

    if (model.Metadata.TrainedOn.Contains("desk labels", StringComparison.Ordinal))
        Console.Error.WriteLine($"the model was trained with desk labels ({model.Metadata.TrainedOn}): those among these score in-sample");
    var deskTruth = deskLabels.Select(d => d.CheckWorthy).ToList();
    var deskScores = BinaryScores.Of(deskTruth, [.. model.Score([.. deskLabels.Select(d => d.Text)]).Select(p => p >= model.Threshold)]);
    Console.WriteLine($"desk labels: {deskLabels.Count} sentences ({deskTruth.Count(t => t)} Yes, {deskTruth.Count(t => !t)} No) {deskScores}");
    return 0;
}

static int Calibrate(string pairsFile)
{
    using var model = CheckWorthinessModel.LoadShipped();
    var (threshold, accuracy, pairs) = ClaimSimilarity.Calibrate(model, File.ReadAllText(pairsFile));
    foreach (var (same, cosine) in pairs)
        Console.Error.WriteLine($"{(same ? "same" : "different"),-9} {cosine:F3}");
    var shipped = pairs.Count(p => (p.Cosine >= ClaimSimilarity.SuggestionThreshold) == p.Same) / (double)pairs.Count;
    Console.WriteLine(FormattableString.Invariant($"best threshold={threshold:F3} accuracy={accuracy:F3}; shipped threshold={ClaimSimilarity.SuggestionThreshold:F3} accuracy={shipped:F3}"));
    return 0;
}

static int MatchEval(string[] args)
{
    // --train takes two values (queries and qrels): read apart from the single-valued options.
    var rest = args.ToList();
    (string, string)? train = null;
    var at = rest.IndexOf("--train");
    if (at >= 0)
    {
        if (at + 2 >= rest.Count)
            return Usage();
        train = (rest[at + 1], rest[at + 2]);
        rest.RemoveRange(at, 3);
    }

    if (!TryParse([.. rest], ["--folds"], out var positional, out var options) || positional is not [var verified, var queries, var qrels])
        return Usage();
    var folds = 0;
    if (options.TryGetValue("--folds", out var f) && (!int.TryParse(f, System.Globalization.CultureInfo.InvariantCulture, out folds) || folds < 2))
        return Usage();
    return MatchEvaluation.Run(verified, queries, qrels, train, folds);
}

static int Train(string[] args)
{
    if (!TryParse(args, ["--with-desk-labels", "--provider"], out var positional, out var options) || positional.Count > 2
        || !TryDeskLabels(options.GetValueOrDefault("--with-desk-labels"), options.GetValueOrDefault("--provider"), out var desk))
        return Usage();
    // The repository is looked for only for a default: given both paths, train runs anywhere.
    string Detection() => Path.Combine(Path.GetDirectoryName(FindUpwards("FactCheck.sln"))!, "src", "FactCheck.Detection");
    var trainFile = positional.Count > 0 ? positional[0] : Path.Combine(Detection(), "Training", "train.tsv");
    var modelDir = positional.Count > 1 ? positional[1] : Path.Combine(Detection(), "Model");
    var data = CheckWorthinessData.Load(trainFile);
    var trainedOn = CheckWorthinessTrainer.BaseData;
    if (desk?.Load() is { } deskLabels)
    {
        int yes = deskLabels.Count(l => l.CheckWorthy), no = deskLabels.Count - yes;
        Console.Error.WriteLine($"desk labels from {desk}: added {deskLabels.Count} ({yes} Yes, {no} No), each counted {CheckWorthinessTrainer.DeskLabelCopies} times, to {data.Count} sentences of {Path.GetFileName(trainFile)}");
        data = CheckWorthinessTrainer.WithDeskLabels(data, deskLabels);
        if (deskLabels.Count > 0)
            trainedOn = $"{trainedOn} + {deskLabels.Count} desk labels ({yes} Yes, {no} No) x{CheckWorthinessTrainer.DeskLabelCopies}";
    }

    var report = CheckWorthinessTrainer.Train(data, modelDir, Console.Error.WriteLine, trainedOn);
    Console.WriteLine(report);
    return 0;
}

static int ExportDeskLabels(string[] args)
{
    if (!TryParse(args, ["--connection", "--provider"], out var positional, out var options) || positional is not [var file]
        || !options.TryGetValue("--connection", out var connection) || !TryDeskLabels(connection, options.GetValueOrDefault("--provider"), out var desk) || desk!.IsFile)
        return Usage();
    using var db = desk.OpenDatabase();
    using (var writer = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        new DeskLabels(db).ExportAsync(writer, CancellationToken.None).GetAwaiter().GetResult();
    var exported = CheckWorthinessData.Load(file);
    Console.Error.WriteLine($"wrote {exported.Count} desk labels ({exported.Count(l => l.CheckWorthy)} Yes) to {file}");
    return 0;
}

/// <summary>Positional arguments and <c>--name value</c> options, of <paramref name="known"/> names only.</summary>
static bool TryParse(string[] args, string[] known, out List<string> positional, out Dictionary<string, string> options)
{
    positional = [];
    options = [];
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal))
            positional.Add(args[i]);
        else if (known.Contains(args[i]) && i + 1 < args.Length && options.TryAdd(args[i], args[i + 1]))
            i++;
        else
            return false;
    }

    return true;
}

static bool TryDeskLabels(string? source, string? provider, out DeskLabelSource? desk)
{
    try
    {
        desk = DeskLabelSource.Of(source, provider);
        return true;
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        desk = null;
        return false;
    }
}

static string FindUpwards(string relative)
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
            return candidate;
    }

    throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}");
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: FactCheck.Cli extract <article.txt>
                           | eval <sentences.tsv> [--with-desk-labels <source>]
                           | train [train.tsv] [model-dir] [--with-desk-labels <source>]
                           | desk-labels export <file.tsv> --connection <connection string> [--provider p]
                           | calibrate <pairs.tsv> | contracts [file.md]
                           | match-eval <verified.tsv> <queries.tsv> <qrels> [--train <queries.tsv> <qrels>] [--folds N]
        <source>: labels the desk exported (a path ending .tsv) or its database: a connection string
                  and --provider postgresql|sqlserver|sqlite (default sqlite; a bare file name is its Data Source)
        """);
    return 2;
}
