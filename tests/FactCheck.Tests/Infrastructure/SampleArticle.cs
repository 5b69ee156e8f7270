using System.Text.Json;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// The sample article and its gold annotation, as this project's build copies them next to the
/// tests: Data/article.txt is linked from src/FactCheck.Web/Demo/SampleArticle (the one copy, also
/// embedded in the web app), Data/gold.json is tests/FactCheck.Tests/Data/gold.json.
/// </summary>
public static class SampleArticle
{
    /// <summary>A file of the test output's Data folder, e.g. <c>DataFile("gold.json")</c>.</summary>
    public static string DataFile(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Data/{name} is not in the test output (see FactCheck.Tests.csproj).", path);
    }

    /// <summary>The article as a file, for programs that take a path.</summary>
    public static string FilePath => DataFile("article.txt");

    public static string Text => File.ReadAllText(FilePath);

    public static JsonDocument Gold => JsonDocument.Parse(File.ReadAllText(DataFile("gold.json")));

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
