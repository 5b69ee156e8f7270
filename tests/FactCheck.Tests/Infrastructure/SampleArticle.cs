using System.Text.Json;

namespace FactCheck.Tests.Infrastructure;

/// <summary>The shared sample article and its gold annotation, read from ../shared/data (never copied).</summary>
public static class SampleArticle
{
    private static readonly Lazy<string> Directory = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "seed-article");
            if (File.Exists(Path.Combine(candidate, "article.txt")))
                return candidate;
        }

        throw new FileNotFoundException("shared/data/seed-article/article.txt was not found above " + AppContext.BaseDirectory);
    });

    public static string Text => File.ReadAllText(Path.Combine(Directory.Value, "article.txt"));

    public static JsonDocument Gold => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory.Value, "gold.json")));

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
