using System.Diagnostics;
using FactCheck.Detection;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>The command line as a user runs it: a separate process, output on stdout.</summary>
public sealed partial class CliTests
{
    [GeneratedRegex(@"^precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3}$")]
    private static partial Regex ScoreLine();

    [GeneratedRegex(@"^desk labels: 3 sentences \(2 Yes, 1 No\) precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3}$")]
    private static partial Regex DeskScoreLine();

    [GeneratedRegex(@"^map@5=\d\.\d{3} p@1=\d\.\d{3} queries=\d+ ms/query=\d+\.\d$")]
    private static partial Regex MatchLine();

    private const string SmallEval = "Sentence_id\tText\tclass_label\r\n1\tUnemployment fell to 4.2 percent in 2019.\tYes\r\n2\tThank you, it is good to be here tonight.\tNo\r\n3\tWe cut taxes for 95 percent of working families.\tYes\r\n";

    private static readonly List<LabelledSentence> SmallDesk =
    [
        new("desk-1", "The city spent 12 million dollars on the bridge last year.", true),
        new("desk-2", "Sign up for our newsletter to get the news every morning.", false),
        new("desk-3", "Exports to China fell by a third since 2018.", true),
    ];

    private static async Task<(int ExitCode, string Output, string Errors)> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuiltProgram.PathOf("FactCheck.Cli"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = ChildProcess.Start(start);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Extract_prints_the_claims_as_json_with_offsets_into_the_file()
    {
        var file = SampleArticle.FilePath;
        var text = await File.ReadAllTextAsync(file);
        var (_, output, _) = await Run("extract", file);

        using var json = JsonDocument.Parse(output);
        var claims = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            int start = claim.GetProperty("start").GetInt32(), end = claim.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], claim.GetProperty("text").GetString());
            Assert.InRange(claim.GetProperty("score").GetDouble(), 0, 1);
            Assert.True(claim.TryGetProperty("speaker", out _) && claim.TryGetProperty("duplicateOf", out _));
            foreach (var q in claim.GetProperty("quantities").EnumerateArray())
                Assert.Equal(text[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()], q.GetProperty("text").GetString());
        }

        var aircraft = claims.Single(c => c.GetProperty("text").GetString()!.Contains("176 people", StringComparison.Ordinal));
        Assert.Contains(aircraft.GetProperty("quantities").EnumerateArray(), q => q.GetProperty("value").ValueKind == JsonValueKind.Number && q.GetProperty("value").GetDouble() == 176);
    }

    [Fact]
    public async Task Eval_ends_with_the_scores_of_the_yes_class()
    {
        // A small file in the data format, with the CRLF endings dev.tsv has.
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-eval-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(file, "Sentence_id\tText\tclass_label\r\n1\tUnemployment fell to 4.2 percent in 2019.\tYes\r\n2\tThank you, it is good to be here tonight.\tNo\r\n3\tWe cut taxes for 95 percent of working families.\tYes\r\n");
        try
        {
            var (_, output, _) = await Run("eval", file);
            var last = output.TrimEnd().Split('\n')[^1].Trim();
            Assert.Matches(ScoreLine(), last);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Eval_with_desk_labels_scores_them_on_a_line_of_their_own()
    {
        using var folder = new TempFolder();
        var eval = folder.Write("eval.tsv", SmallEval);
        var desk = folder.Write("desk.tsv", Tsv(SmallDesk));

        var (_, output, _) = await Run("eval", eval, "--with-desk-labels", desk);

        var lines = output.TrimEnd().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Matches(ScoreLine(), lines[^2]);
        Assert.Matches(DeskScoreLine(), lines[^1]);
    }

    [Fact]
    public async Task Eval_reads_desk_labels_from_the_database_and_says_when_there_are_none()
    {
        using var folder = new TempFolder();
        var eval = folder.Write("eval.tsv", SmallEval);
        var database = await folder.DatabaseAsync();

        var (_, output, _) = await Run("eval", eval, "--with-desk-labels", database, "--provider", "sqlite");

        Assert.Equal($"desk labels: none in the Sqlite database", output.TrimEnd().Split('\n')[^1].Trim());
    }

    [Fact]
    public async Task Desk_labels_export_writes_the_databases_labels_as_training_data()
    {
        using var folder = new TempFolder();
        var database = await folder.DatabaseAsync(
            new DeskLabel(Guid.NewGuid(), "The city spent 12 million dollars.", DeskLabelKind.Added, "en", "editor", DateTime.UtcNow),
            new DeskLabel(Guid.NewGuid(), "Sign up for our newsletter.", DeskLabelKind.Dismissed, "en", "editor", DateTime.UtcNow));
        var file = Path.Combine(folder.Path, "labels.tsv");

        await Run("desk-labels", "export", file, "--connection", $"Data Source={database}", "--provider", "sqlite");

        var exported = CheckWorthinessData.Load(file);
        Assert.Equal(["The city spent 12 million dollars.", "Sign up for our newsletter."], exported.Select(l => l.Text));
        Assert.Equal([true, false], exported.Select(l => l.CheckWorthy));
        Assert.All(exported, l => Assert.StartsWith("desk-", l.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Match_eval_ends_with_map_at_5_of_the_ranked_suggestions()
    {
        // Made-up claims and tweets (Data/matching): each tweet states one claim in other words.
        var data = Path.Combine(AppContext.BaseDirectory, "Data", "matching");
        string verified = Path.Combine(data, "verified.tsv"), queries = Path.Combine(data, "queries.tsv"), qrels = Path.Combine(data, "qrels");

        var (_, output, errors) = await Run("match-eval", verified, queries, qrels, "--train", queries, qrels, "--folds", "3");

        var lines = output.TrimEnd().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Matches(MatchLine(), lines[^1]);
        Assert.StartsWith("map@5=1.000 p@1=1.000 queries=3 ", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("bm25: map@5=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fused+features (fitted on --train): map@5=", StringComparison.Ordinal));
        Assert.Contains("5 verified claims, 3 queries with relevance judgements", errors, StringComparison.Ordinal);
    }

    /// <summary>On a tiny base set, so that the whole of training runs in seconds.</summary>
    [Fact]
    public async Task Train_adds_the_desk_labels_to_the_data_and_records_them_in_the_model()
    {
        using var folder = new TempFolder();
        var baseData = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? new LabelledSentence($"{i}", $"Unemployment fell to {i}.2 percent in 20{i:D2}.", true)
            : new LabelledSentence($"{i}", $"Thank you, it is good to be here tonight number {i}.", false)).ToList();
        var train = folder.Write("train.tsv", Tsv(baseData));
        var desk = folder.Write("desk.tsv", Tsv(SmallDesk));
        var modelDir = Path.Combine(folder.Path, "model");
        var before = DateTime.UtcNow.AddSeconds(-1);

        var (_, output, errors) = await Run("train", train, modelDir, "--with-desk-labels", desk);

        Assert.Contains($"added 3 (2 Yes, 1 No), each counted {CheckWorthinessTrainer.DeskLabelCopies} times", errors, StringComparison.Ordinal);
        Assert.Contains("cross-validated F1", output, StringComparison.Ordinal);
        await using var zip = File.OpenRead(Path.Combine(modelDir, CheckWorthinessTrainer.FileName));
        var metadata = CheckWorthinessModel.ReadMetadata(zip);
        Assert.Equal(20 + (3 * CheckWorthinessTrainer.DeskLabelCopies), metadata.TrainingSentences);
        Assert.Contains("+ 3 desk labels (2 Yes, 1 No)", metadata.TrainedOn, StringComparison.Ordinal);
        Assert.InRange(metadata.TrainedAt!.Value, before, DateTime.UtcNow);
    }

    private static string Tsv(IEnumerable<LabelledSentence> sentences)
    {
        using var writer = new StringWriter();
        CheckWorthinessData.Write(writer, sentences);
        return writer.ToString();
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("factcheck-cli-").FullName;

        public string Write(string name, string content)
        {
            var file = System.IO.Path.Combine(Path, name);
            File.WriteAllText(file, content);
            return file;
        }

        /// <summary>A SQLite database made by the app's migrations, holding <paramref name="labels"/>.</summary>
        public async Task<string> DatabaseAsync(params DeskLabel[] labels)
        {
            var file = System.IO.Path.Combine(Path, "factcheck.db");
            await using var db = Database.CreateContext(DatabaseProvider.Sqlite, $"Data Source={file}");
            await db.Database.MigrateAsync();
            db.DeskLabels.AddRange(labels);
            await db.SaveChangesAsync();
            return file;
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path, recursive: true);
        }
    }
}
