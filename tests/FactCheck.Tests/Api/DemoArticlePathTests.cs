using FactCheck.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Api;

/// <summary><c>FactCheck:Demo:ArticlePath</c>: a newsroom's own demo article instead of the embedded sample.</summary>
public sealed class DemoArticlePathTests
{
    [Fact]
    public async Task A_configured_file_is_submitted_instead_of_the_embedded_sample_article()
    {
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-demo-{Guid.NewGuid():N}.txt");
        const string text = "The city spent 4.2 million dollars on road repairs in 2023, the mayor said.";
        await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
        try
        {
            await using var app = new FactCheckApp(TestStack.Embedded(), new Dictionary<string, string?>
            {
                ["FactCheck:Demo:Seed"] = "true",
                ["FactCheck:Demo:ArticlePath"] = file,
            });
            _ = app.Server;
            var stored = await Eventually.Until(
                () => app.WithDbAsync(db => db.Articles.Where(a => a.Id == Web.Demo.IdentitySeeder.SampleArticleId).Select(a => a.Text).FirstOrDefaultAsync()),
                t => t is not null, TimeSpan.FromSeconds(30), "the demo article");
            Assert.Equal(text, stored);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
