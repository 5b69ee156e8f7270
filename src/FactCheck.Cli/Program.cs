using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FactCheck.Detection;

// Usage:
//   extract <article.txt>          the article's claims as JSON
//   eval <sentences.tsv>           precision/recall/F1 of the Yes class at the shipped threshold
//   train [train.tsv] [model-dir]  trains the check-worthiness model and writes it into the repository
//                                  (default: src/FactCheck.Detection/Training/train.tsv, .../Model)
//   calibrate <pairs.tsv>          the similar-claims threshold that best separates labelled pairs
//   contracts [file.md]            the message contracts document (docs/contracts.md)
return args switch
{
    ["contracts"] => WriteContracts(null),
    ["contracts", var target] => WriteContracts(target),
    ["extract", var file] => Extract(file),
    ["eval", var file] => Evaluate(file),
    ["train", .. var rest] => Train(rest),
    ["calibrate", var pairs] => Calibrate(pairs),
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

static int Evaluate(string file)
{
    var data = CheckWorthinessData.Load(file);
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

static int Train(string[] rest)
{
    var detection = Path.Combine(Path.GetDirectoryName(FindUpwards("FactCheck.sln"))!, "src", "FactCheck.Detection");
    var trainFile = rest.Length > 0 ? rest[0] : Path.Combine(detection, "Training", "train.tsv");
    var modelDir = rest.Length > 1 ? rest[1] : Path.Combine(detection, "Model");
    var report = CheckWorthinessTrainer.Train(CheckWorthinessData.Load(trainFile), modelDir, Console.Error.WriteLine);
    Console.WriteLine(report);
    return 0;
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
    Console.Error.WriteLine("usage: FactCheck.Cli extract <article.txt> | eval <sentences.tsv> | train [train.tsv] [model-dir] | calibrate <pairs.tsv> | contracts [file.md]");
    return 2;
}
