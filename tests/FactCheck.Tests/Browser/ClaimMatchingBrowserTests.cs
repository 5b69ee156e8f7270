using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Browser;

/// <summary>"Has this been checked before?" in a real browser: the workspace shows the earlier claim and where its figures differ.</summary>
public sealed class ClaimMatchingBrowserTests(ITestOutputHelper output) : BrowserTest(output)
{
    [Fact]
    public async Task The_workspace_shows_an_earlier_claim_with_the_figure_that_differs()
    {
        await Browser.App.CreateUserAsync("desk@newsroom.test", "Desk Editor", ["Editor"]);
        using var api = await Browser.App.ClientForAsync("desk@newsroom.test");
        async Task<Guid> SubmitAsync(string title, string text)
        {
            var accepted = (await (await api.PostAsJsonAsync("/api/articles", new { title, text })).Content.ReadFromJsonAsync<ArticleAccepted>())!;
            return (await Eventually.Until(
                () => Browser.App.WithDbAsync(db => db.Claims.Where(c => c.ArticleId == accepted.ArticleId).Select(c => c.Id).ToListAsync()),
                ids => ids.Count == 1,
                TimeSpan.FromSeconds(60),
                $"the claim of '{title}'"))[0];
        }

        var earlier = await SubmitAsync("Flight PS752", "The airliner shot down over Tehran carried 176 people, including 63 Canadians, the airline said on Wednesday.");
        var later = await SubmitAsync("Flight PS752 victims", "The airliner shot down over Tehran carried 176 people, including 57 Canadians, officials said on Thursday.");

        var page = await Browser.SignInAsync("editor@factcheck.local");
        await page.GotoAsync($"/claims/{later}");
        await BrowserApp.WaitForInteractiveAsync(page);
        var suggestion = page.GetByTestId("similar-claim");
        await Expect(suggestion.Locator($"a[href='claims/{earlier}']")).ToBeVisibleAsync();
        await Expect(suggestion.Locator("[data-agreement='Different']")).ToHaveTextAsync("Canadians: 57 Canadians here, 63 Canadians there");
        await Expect(suggestion.Locator("[data-agreement='Same']")).ToContainTextAsync("same figure (176 people)");
        await BrowserApp.ScreenshotAsync(page, "workspace-similar-figures");
    }
}
