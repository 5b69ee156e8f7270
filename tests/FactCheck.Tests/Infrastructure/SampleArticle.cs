using System.Text.Json;

namespace FactCheck.Tests.Infrastructure;

/// <summary>The shared sample article and its gold annotation, read from ../shared/data (never copied).</summary>
public static class SampleArticle
{
    private static readonly Lazy<string> SharedDataDirectory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "seed-article", "article.txt")))
                return candidate;
        }

        throw new FileNotFoundException("shared/data/seed-article/article.txt was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A file of ../shared/data, e.g. <c>SharedData("checkworthiness", "dev.tsv")</c>.</summary>
    public static string SharedData(params string[] parts) => Path.Combine([SharedDataDirectory.Value, .. parts]);

    public static string Text => File.ReadAllText(SharedData("seed-article", "article.txt"));

    public static JsonDocument Gold => JsonDocument.Parse(File.ReadAllText(SharedData("seed-article", "gold.json")));

    public static object Request(string? author = "Lee Berthiaume") => new
    {
        title = "NDP wants Canada's special forces out of Iraq",
        text = Text,
        outlet = "The Canadian Press",
        url = "https://www.thecanadianpress.com/ndp-iraq",
        author,
        publishedAt = new DateTime(2020, 1, 13, 0, 0, 0, DateTimeKind.Utc),
        language = "en",
        beat = "defence",
    };
}
