using System.Text.RegularExpressions;
using FactCheck.Testing;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// No credential is committed. What ships (src, deploy, the compose file) takes every password from
/// its environment; no file anywhere holds a private key or a cloud token. Test and CI files may name
/// the throwaway local services' default accounts, and the demo password lives only in the demo seeder
/// (and the docs and tests that sign in with it), which seeds in embedded mode only.
/// </summary>
public sealed partial class SecretsTests
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", ".git", "artifacts", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules"];
    private static readonly string[] BinaryExtensions = [".zip", ".png", ".jpg", ".onnx", ".db", ".db-wal", ".db-shm", ".dll", ".pdb"];

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[0-9A-Za-z]{24}")]
    private static partial Regex TokenAnywhere();

    /// <summary>A password in a connection string, a URI with a user and password, a secret-named JSON setting with a value.</summary>
    [GeneratedRegex(@"(?i)\b(password|pwd)=(?!\$\{)[^;""'\s]+|[a-z][a-z0-9+.-]*://[^/\s:@""']+:(?!\$\{)[^@/\s""']+@|""[a-z]*(password|secret|apikey|token)""\s*:\s*""[^""]+""")]
    private static partial Regex CredentialInShippedFile();

    [Fact]
    public void No_file_holds_a_private_key_or_a_cloud_token()
    {
        var found = RepositoryFiles().SelectMany(f => Matches(f, TokenAnywhere())).ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void What_ships_takes_its_credentials_from_the_environment()
    {
        var root = RepositoryRoot.Find();
        var shipped = RepositoryFiles().Where(f =>
            f.StartsWith(Path.Combine(root, "src") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || f.StartsWith(Path.Combine(root, "deploy") + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetFileName(f) == "docker-compose.yml").ToList();
        Assert.Contains(shipped, f => f.EndsWith("docker-compose.yml", StringComparison.Ordinal));
        Assert.Contains(shipped, f => f.EndsWith(Path.Combine("FactCheck.Worker", "appsettings.json"), StringComparison.Ordinal));

        var found = shipped.SelectMany(f => Matches(f, CredentialInShippedFile())).ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_demo_password_is_only_in_the_demo_seeder_and_what_documents_or_tests_it()
    {
        var root = RepositoryRoot.Find();
        var inSource = RepositoryFiles()
            .Where(f => File.ReadAllText(f).Contains(Web.Demo.IdentitySeeder.DemoPassword, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.StartsWith("tests" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && f != "README.md")
            .ToList();
        Assert.Equal([Path.Combine("src", "FactCheck.Web", "Demo", "IdentitySeeder.cs")], inSource);
    }

    private static IEnumerable<string> Matches(string file, Regex pattern)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in pattern.Matches(lines[i]))
                yield return $"{Path.GetRelativePath(RepositoryRoot.Find(), file)}:{i + 1}: {m.Value}";
        }
    }

    private static IEnumerable<string> RepositoryFiles()
    {
        var pending = new Stack<string>([RepositoryRoot.Find()]);
        while (pending.TryPop(out var directory))
        {
            foreach (var sub in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
                pending.Push(sub);
            foreach (var file in Directory.EnumerateFiles(directory).Where(f => !BinaryExtensions.Contains(Path.GetExtension(f))))
                yield return file;
        }
    }
}
