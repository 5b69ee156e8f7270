using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.Playwright;

namespace FactCheck.Tests.Browser;

/// <summary>
/// HTML and script in every text a user or another system can write (article title, outlet, author
/// and text, a person's name, source title, publisher, excerpt and URL, verdict rationale, review
/// comment, dismissal reason) are shown as text on every page that shows them: nothing runs and no
/// element is injected.
/// </summary>
public sealed class MarkupInTextTests(ITestOutputHelper output) : BrowserTest(output)
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold</b>";

    [Fact]
    public async Task Markup_in_every_text_field_is_shown_as_text_on_every_page_and_never_runs()
    {
        var app = Browser.App;
        var reviewerId = await app.CreateUserAsync("mallory@newsroom.test", $"Mallory {Payload}", ["Reviewer"], capacity: 50);
        await app.CreateUserAsync("eve@newsroom.test", "Eve Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eve@newsroom.test");
        using var reviewer = await app.ClientForAsync("mallory@newsroom.test");

        var text = $"The city spent 4.2 million dollars on 120 new buses in 2023, the mayor said {Payload}. "
            + $"Officials said 3,000 people rode them each day in 2024 {Payload}. "
            + "The council approved 15 million dollars for new bike lanes in 2022, according to the budget.";
        var submitted = await editor.PostAsJsonAsync("/api/articles", new { title = $"Buses {Payload}", text, outlet = $"Outlet {Payload}", author = $"Author {Payload}" });
        var accepted = (await submitted.Content.ReadFromJsonAsync<ArticleAccepted>())!;
        var article = (await Eventually.Until(
            async () => (await editor.GetAsync(accepted.Location)) is { IsSuccessStatusCode: true } r ? await r.Content.ReadFromJsonAsync<ArticleResponse>(ClaimWorkflowScenario.Json) : null,
            a => a is { Claims.Count: >= 3 },
            what: "the article's claims"))!;

        // One claim published with marked-up source, rationale and review; one waiting for sign-off; one dismissed with a marked-up reason.
        var (published, waiting, dismissed) = (article.Claims[0].Id, article.Claims[1].Id, article.Claims[2].Id);
        foreach (var id in new[] { published, waiting })
            Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/claims/{id}/assign", new { reviewerId })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await reviewer.PostAsJsonAsync($"/api/claims/{published}/sources", new
        {
            url = "https://example.org/report?q=%3Cscript%3Ewindow.__xss%3D3%3C%2Fscript%3E",
            title = $"Source {Payload}",
            publisher = $"Publisher {Payload}",
            excerpt = $"Excerpt {Payload}",
            stance = "Supports",
        })).StatusCode);
        foreach (var id in new[] { published, waiting })
            Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/claims/{id}/verdict", new { rating = "True", rationale = $"Rationale {Payload}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/claims/{published}/verdict/approve", new { comment = $"Comment {Payload}" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/claims/{dismissed}/dismiss", new { reason = $"Reason {Payload}" })).StatusCode);
        Assert.Equal(ClaimStatus.Published, (await ClaimWorkflowScenario.GetClaim(editor, published)).Claim.Status);

        var editorPage = await Browser.SignInAsync("editor@factcheck.local");
        var adminPage = await Browser.SignInAsync("admin@factcheck.local");
        foreach (var (page, path, shows) in new[]
        {
            (editorPage, "/desk", "Buses"),
            (editorPage, $"/articles/{article.Id}", "Outlet"),
            (editorPage, $"/claims/{published}", "Source"),
            (editorPage, $"/claims/{published}/history", "Comment"),
            (editorPage, $"/claims/{dismissed}/history", "Reason"),
            (editorPage, "/signoff", "Rationale"),
            (editorPage, $"/fact-checks/{published}", "Publisher"),
            (adminPage, "/admin", "Mallory"),
        })
        {
            await page.GotoAsync(path);
            if (!path.StartsWith("/fact-checks/", StringComparison.Ordinal))
                await BrowserApp.WaitForInteractiveAsync(page); // the public page is static

            // The marked-up text is on the page as text, next to what it belongs to ...
            await Expect(page.GetByText($"{shows} {Payload}").First).ToBeVisibleAsync();
            // ... and none of it became an element or ran.
            Assert.Equal(0, await page.Locator("img[src='x'], b:text-is('bold')").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"script ran on {path}");
        }

        await BrowserApp.ScreenshotAsync(editorPage, "markup-as-text");
    }
}
