using System.Text.RegularExpressions;
using FactCheck.Testing;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Deployment;

/// <summary>
/// A clone of the repository is the whole product: nothing the app, its demo, the CLI, the tests or
/// the benchmarks read may live in a folder beside the repository (the machine it was built on had
/// a <c>shared</c> folder with the data next to it; a user's clone has none). CI also hides that
/// folder while the tests run (.ci/run), so a read of it fails there even if this check misses it.
/// </summary>
public sealed partial class SelfContainedRepositoryTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string[] SourceExtensions = [".cs", ".razor", ".csproj", ".json", ".props", ".targets"];
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules"];

    /// <summary>
    /// A path into the shared folder beside the repository or its data folder, with either slash or as
    /// path parts. Neither the pattern nor the examples below match as written, so this file is
    /// checked like any other.
    /// </summary>
    [GeneratedRegex(@"(?i)\bshared[/\\]+data\b|(?<up>(?:\.\.[/\\]+)+)shared\b|""shared""\s*,\s*""data""")]
    private static partial Regex SharedFolderPath();

    [Fact]
    public void No_source_file_refers_to_a_folder_outside_the_repository()
    {
        var files = SourceFiles().ToList();
        Assert.Contains(Path.Combine(Root, "tests", "FactCheck.Tests", "Deployment", "SelfContainedRepositoryTests.cs"), files);
        Assert.Contains(Path.Combine(Root, "Directory.Build.props"), files);

        var found = files.SelectMany(Matches).ToList();
        Assert.True(found.Count == 0, "Read these from the repository instead:" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    /// <summary>The examples spell the folder <c>{shared}</c>, filled in here, so that this file's own text holds no such path.</summary>
    [Theory]
    [InlineData("var text = File.ReadAllText(\"../{shared}/data/seed-article/article.txt\");")]
    [InlineData("<Content Include=\"..\\..\\..\\{shared}\\checkworthiness\\dev.tsv\" />")]
    [InlineData("FindUpwards(\"{shared}/data/checkworthiness/train.tsv\")")]
    [InlineData("Path.Combine(dir.FullName, \"{shared}\", \"data\")")]
    public void The_check_sees_each_way_of_writing_such_a_path(string line) =>
        Assert.NotEmpty(Offending(Spelled(line), TestProjectDirectory));

    [Theory]
    [InlineData("// the model is {shared} by every test")]
    [InlineData("<Compile Include=\"..\\{Shared}\\Chromium.cs\" Link=\"Infrastructure\\Chromium.cs\" />")]
    [InlineData("Data/gold.json")]
    public void The_check_leaves_other_uses_of_the_word_and_the_tests_Shared_folder_alone(string line) =>
        Assert.Empty(Offending(Spelled(line), TestProjectDirectory));

    /// <summary>One copy each in Git: the tests and benchmarks link these files rather than copy them.</summary>
    [Theory]
    [InlineData("article.txt", "src/FactCheck.Web/Demo/SampleArticle/article.txt")]
    [InlineData("gold.json", "tests/FactCheck.Tests/Data/gold.json")]
    [InlineData("train.tsv", "src/FactCheck.Detection/Training/train.tsv")]
    [InlineData("dev.tsv", "src/FactCheck.Detection/Training/dev.tsv")]
    public void The_data_is_in_the_repository_once(string name, string expected) =>
        Assert.Equal([expected], RepositoryFiles().Where(f => Path.GetFileName(f) == name).Select(Relative));

    [Fact]
    public void The_claim_matching_evaluation_set_is_not_in_the_repository()
    {
        // It stays outside the product: it judges the matcher and is not to be tuned on or shipped.
        string[] evaluationFiles = ["verified_claims.docs.tsv", "tweets.queries.tsv", "tweet-vclaim-pairs.qrels"];
        Assert.Empty(RepositoryFiles().Where(f => evaluationFiles.Contains(Path.GetFileName(f))).Select(Relative));
    }

    [Fact]
    public async Task The_web_app_embeds_the_same_sample_article_the_tests_read()
    {
        var embedded = await Web.Demo.IdentitySeeder.EmbeddedSampleArticle(TestContext.Current.CancellationToken);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Root, "src", "FactCheck.Web", "Demo", "SampleArticle", "article.txt"), TestContext.Current.CancellationToken), embedded);
        Assert.Equal(SampleArticle.Text, embedded);
    }

    private static string TestProjectDirectory => Path.Combine(Root, "tests", "FactCheck.Tests");

    private static string Spelled(string example) =>
        example.Replace("{shared}", "shared", StringComparison.Ordinal).Replace("{Shared}", "Shared", StringComparison.Ordinal);

    private static IEnumerable<string> Matches(string file)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var match in Offending(lines[i], Path.GetDirectoryName(file)!))
                yield return $"{Relative(file)}:{i + 1}: {match}";
        }
    }

    /// <summary>
    /// The line's paths into the shared folder. A relative path up into a folder of that name which,
    /// resolved from the file's folder, is a folder of the repository (tests/Shared, which the two test
    /// projects compile from) is not one.
    /// </summary>
    private static IEnumerable<string> Offending(string line, string directory) =>
        SharedFolderPath().Matches(line)
            .Where(m => !(m.Groups["up"].Success && IsRepositoryFolder(Path.Combine(directory, m.Value.Replace('\\', '/')))))
            .Select(m => m.Value);

    private static bool IsRepositoryFolder(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Directory.Exists(full);
    }

    /// <summary>The code and build files of src/ and tests/, and the build files at the root.</summary>
    private static IEnumerable<string> SourceFiles() =>
        RepositoryFiles().Where(f =>
            SourceExtensions.Contains(Path.GetExtension(f))
            && (Relative(f).StartsWith("src/", StringComparison.Ordinal) || Relative(f).StartsWith("tests/", StringComparison.Ordinal) || !Relative(f).Contains('/', StringComparison.Ordinal)));

    private static IEnumerable<string> RepositoryFiles()
    {
        var pending = new Stack<string>([Root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
                pending.Push(sub);
            foreach (var file in Directory.EnumerateFiles(directory))
                yield return file;
        }
    }

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');
}
