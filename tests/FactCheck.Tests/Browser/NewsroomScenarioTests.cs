using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Demo;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Tests.Browser;

/// <summary>The newsroom's main loop in a real browser: reviewer, editor, and a desk watching live.</summary>
public sealed class NewsroomScenarioTests(ITestOutputHelper output) : BrowserTest(output)
{
    private const string Reviewer = "reviewer@factcheck.local";
    private const string Editor = "editor@factcheck.local";
    [Fact]
    public async Task A_claim_goes_from_take_next_through_a_returned_verdict_to_published_while_the_desk_watches()
    {
        var desk = await Browser.SignInAsync(Editor);
        await desk.GotoAsync("/desk");
        await BrowserApp.WaitForInteractiveAsync(desk);
        await BrowserApp.ScreenshotAsync(desk, "desk");

        // Reviewer: take the next claim from the sample article.
        var reviewer = await Browser.SignInAsync(Reviewer);
        Assert.EndsWith("/queue", reviewer.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(reviewer, "queue-empty");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Take next claim" }).ClickAsync();
        await reviewer.WaitForURLAsync(new Regex("/claims/[0-9a-f-]{36}$"));
        await BrowserApp.WaitForInteractiveAsync(reviewer);
        var claimId = Guid.Parse(reviewer.Url[^36..]);
        var claim = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId));
        Assert.Equal(IdentitySeeder.SampleArticleId, claim.ArticleId);
        Assert.Equal(ClaimStatus.Assigned, claim.Status);
        await Expect(reviewer.GetByTestId("claim-text")).ToHaveTextAsync(claim.Text);
        var deskRow = desk.Locator($"tr[data-claim='{claimId}']");

        // Two sources, typed with the keyboard.
        await AddSourceAsync(reviewer, "https://www.canada.ca/en/department-national-defence/operation-impact.html", "Operation IMPACT", "Supports");
        await AddSourceAsync(reviewer, "https://www.cbc.ca/news/politics/iraq-special-forces", "Special forces in Iraq", "Context");
        await Expect(reviewer.Locator(".source-list li")).ToHaveCountAsync(2);

        // Propose; the editor's desk shows the new status without a reload.
        await ProposeAsync(reviewer, "Mostly true", "The Department of National Defence lists about 200 special forces in Iraq.");
        var proposedAt = Stopwatch.StartNew();
        await Expect(deskRow).ToHaveAttributeAsync("data-status", "VerdictProposed");
        Output.WriteLine($"Desk showed VerdictProposed {proposedAt.ElapsedMilliseconds} ms after the reviewer's click returned");

        // Editor returns it with a comment; the reviewer sees the comment live and revises.
        var signoff = await desk.Context.NewPageAsync();
        await signoff.GotoAsync("/signoff");
        await BrowserApp.WaitForInteractiveAsync(signoff);
        var item = signoff.Locator($"article[data-claim='{claimId}']");
        await Expect(item.GetByTestId("proposed-rating")).ToHaveTextAsync("Mostly true");
        await Expect(item.Locator(".source-list li")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(signoff, "signoff");
        await item.GetByLabel("Comment for the reviewer").FillAsync("Cite the number from the minister's office, not the department page.");
        await item.GetByRole(AriaRole.Button, new() { Name = "Return to reviewer" }).ClickAsync();
        await Expect(reviewer.GetByTestId("editor-comment")).ToContainTextAsync("Cite the number from the minister's office");
        await Expect(deskRow).ToHaveAttributeAsync("data-status", "Returned");
        await BrowserApp.ScreenshotAsync(reviewer, "workspace-returned");

        await ProposeAsync(reviewer, "True", "The minister's office confirmed about 200 special forces in Iraq.");
        await Expect(deskRow).ToHaveAttributeAsync("data-status", "VerdictProposed");

        // Editor approves; the desk shows it published.
        await Expect(item.GetByTestId("proposed-rating")).ToHaveTextAsync("True");
        await item.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(deskRow).ToHaveAttributeAsync("data-status", "Published");
        await Expect(signoff.Locator($"article[data-claim='{claimId}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(desk, "desk-published");

        var published = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.Verdicts).SingleAsync(c => c.Id == claimId));
        Assert.Equal(ClaimStatus.Published, published.Status);
        Assert.Equal(2, published.Verdicts.Count);
        Assert.Equal("True", published.CurrentVerdict!.Rating);

        // The article view colours the claim as published.
        var article = await desk.Context.NewPageAsync();
        await article.GotoAsync($"/articles/{IdentitySeeder.SampleArticleId}");
        await Expect(article.Locator($"[data-claim='{claimId}']")).ToHaveAttributeAsync("data-status", "Published");
        await BrowserApp.ScreenshotAsync(article, "article");

        var history = await desk.Context.NewPageAsync();
        await history.GotoAsync($"/claims/{claimId}/history");
        await Expect(history.Locator("tr[data-kind='SourceAttached']")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(history, "history");
    }

    [Fact]
    public async Task A_reviewer_is_refused_the_editors_pages_and_actions()
    {
        var reviewer = await Browser.SignInAsync(Reviewer);

        await reviewer.GotoAsync("/signoff");
        await Expect(reviewer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your role does not allow");
        Assert.DoesNotContain("/signoff", reviewer.Url, StringComparison.Ordinal);
        await reviewer.GotoAsync("/desk");
        await Expect(reviewer.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your role does not allow");
        await Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "Desk" })).ToHaveCountAsync(0);

        // The server refuses the action itself, not just the page: the reviewer's own cookie gets 403.
        var claimId = await Browser.App.WithDbAsync(db => db.Claims.Select(c => c.Id).FirstAsync());
        var response = await reviewer.Context.APIRequest.PostAsync($"/api/claims/{claimId}/dismiss", new()
        {
            DataObject = new { reason = "not mine to dismiss" },
            Headers = new Dictionary<string, string> { ["X-Requested-With"] = "test" },
        });
        Assert.Equal(403, response.Status);

        // A cookie-borne API write without X-Requested-With (what a cross-site form would send) is refused before anything else.
        var forged = await reviewer.Context.APIRequest.PostAsync($"/api/claims/{claimId}/release", new() { Form = reviewer.Context.APIRequest.CreateFormData() });
        Assert.Equal(400, forged.Status);
        Assert.Contains("X-Requested-With", await forged.TextAsync(), StringComparison.Ordinal);
        Assert.NotEqual(ClaimStatus.Dismissed, await Browser.App.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_article_with_html_and_script_renders_as_text()
    {
        const string title = "<img src=x onerror=\"window.__pwned=1\">Budget story";
        const string text = "The minister said <script>window.__pwned=2</script> the city spent $4.2 million on 120 buses in 2023.\n\n"
            + "Officials said <b onmouseover=\"window.__pwned=3\">unemployment</b> fell to 5.1 per cent last year, down from 6.3 per cent.";
        var editor = await Browser.SignInAsync(Editor);
        var dialogs = 0;
        editor.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await editor.GotoAsync("/submit");
        await BrowserApp.WaitForInteractiveAsync(editor);
        await editor.GetByLabel("Title").FillAsync(title);
        await editor.GetByLabel("Text", new() { Exact = true }).FillAsync(text);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Submit for checking" }).ClickAsync();
        await Expect(editor.GetByTestId("claims-found")).Not.ToHaveTextAsync("0", new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(editor, "submit");

        var articleId = await Browser.App.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());
        await editor.GotoAsync($"/articles/{articleId}");
        await Expect(editor.GetByTestId("article-title")).ToHaveTextAsync(title);
        await Expect(editor.GetByTestId("article-text")).ToContainTextAsync("<script>window.__pwned=2</script>");
        await Expect(editor.GetByTestId("article-text")).ToContainTextAsync("<b onmouseover=");
        Assert.Equal(0, await editor.Locator("main img, main script, main b").CountAsync());
        await editor.Locator("main").HoverAsync();
        Assert.Null(await editor.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await BrowserApp.ScreenshotAsync(editor, "article-html-payload");
    }

    [Fact]
    public async Task Work_typed_while_the_connection_is_down_survives_a_reload()
    {
        var reviewer = await Browser.SignInAsync("reviewer2@factcheck.local");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Take next claim" }).ClickAsync();
        await reviewer.WaitForURLAsync(new Regex("/claims/[0-9a-f-]{36}$"));
        await BrowserApp.WaitForInteractiveAsync(reviewer);
        await reviewer.GetByLabel("URL").FillAsync("https://example.org/half-added");

        // The server connection drops; the reviewer keeps typing, then reloads once back online.
        await reviewer.Context.SetOfflineAsync(true);
        await reviewer.GetByLabel("Rationale").FillAsync("Half a thought about the troop numbers");
        await reviewer.Context.SetOfflineAsync(false);
        await reviewer.ReloadAsync();
        await BrowserApp.WaitForInteractiveAsync(reviewer);

        await Expect(reviewer.GetByLabel("Rationale")).ToHaveValueAsync("Half a thought about the troop numbers");
        await Expect(reviewer.GetByLabel("URL")).ToHaveValueAsync("https://example.org/half-added");
        await Expect(reviewer.GetByTestId("message")).ToContainTextAsync("restored");
    }

    [Fact]
    public async Task The_reviewers_main_loop_works_with_the_keyboard_alone()
    {
        var reviewer = await Browser.SignInAsync("reviewer3@factcheck.local");

        await TabToAsync(reviewer, "[data-testid=take-next]");
        await reviewer.Keyboard.PressAsync("Enter");
        await reviewer.WaitForURLAsync(new Regex("/claims/[0-9a-f-]{36}$"));
        await BrowserApp.WaitForInteractiveAsync(reviewer);
        var claimId = Guid.Parse(reviewer.Url[^36..]);

        await TabToAsync(reviewer, "#source-url");
        await reviewer.Keyboard.TypeAsync("https://www.statcan.gc.ca/en/start");
        await reviewer.Keyboard.PressAsync("Tab");
        await reviewer.Keyboard.TypeAsync("Statistics Canada");
        await TabToAsync(reviewer, "#source-stance");
        await reviewer.Keyboard.PressAsync("ArrowDown");
        await reviewer.Keyboard.PressAsync("Tab");
        await reviewer.Keyboard.PressAsync("Enter");
        await Expect(reviewer.GetByTestId("message")).ToHaveTextAsync("Source added.");

        await TabToAsync(reviewer, "#verdict-rationale");
        await reviewer.Keyboard.TypeAsync("Statistics Canada's figures match the claim.");
        await reviewer.Keyboard.PressAsync("Tab");
        await reviewer.Keyboard.PressAsync("Enter");
        await Expect(reviewer.GetByTestId("message")).ToContainTextAsync("Verdict proposed");

        var claim = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.Sources).SingleAsync(c => c.Id == claimId));
        Assert.Equal(ClaimStatus.VerdictProposed, claim.Status);
        Assert.Equal(FactCheck.Workflow.Sources.SourceStance.Refutes, Assert.Single(claim.Sources).Stance);

        // The same page at tablet width.
        await reviewer.SetViewportSizeAsync(820, 1180);
        await BrowserApp.ScreenshotAsync(reviewer, "workspace-tablet");
    }

    /// <summary>Presses Tab until the element has focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector))
                return;
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} cannot be reached with Tab");
    }

    private static async Task AddSourceAsync(IPage page, string url, string title, string stance)
    {
        await page.GetByLabel("URL").FocusAsync();
        await page.Keyboard.TypeAsync(url);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(title);
        await page.GetByLabel("Stance").SelectOptionAsync(stance);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("message")).ToHaveTextAsync("Source added.");
        await Expect(page.GetByLabel("URL")).ToHaveValueAsync("");
    }

    private static async Task ProposeAsync(IPage page, string rating, string rationale)
    {
        await page.GetByLabel("Rating").SelectOptionAsync(rating);
        await page.GetByLabel("Rationale").FillAsync(rationale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose verdict" }).ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("Verdict proposed");
    }
}
