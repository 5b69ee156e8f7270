using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>The command line as a user runs it: a separate process, output on stdout.</summary>
public sealed partial class CliTests
{
    [GeneratedRegex(@"^precision=\d\.\d{3} recall=\d\.\d{3} f1=\d\.\d{3}$")]
    private static partial Regex ScoreLine();

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
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
        return (process.ExitCode, await stdout);
    }

    [Fact]
    public async Task Extract_prints_the_claims_as_json_with_offsets_into_the_file()
    {
        var file = SampleArticle.FilePath;
        var text = await File.ReadAllTextAsync(file);
        var (_, output) = await Run("extract", file);

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
            var (_, output) = await Run("eval", file);
            var last = output.TrimEnd().Split('\n')[^1].Trim();
            Assert.Matches(ScoreLine(), last);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
