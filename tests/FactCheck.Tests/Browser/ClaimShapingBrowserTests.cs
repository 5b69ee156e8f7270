using System.Text.RegularExpressions;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Demo;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Tests.Browser;

/// <summary>The newsroom shapes its claims in a real browser: select text to make a claim, split one, reword one.</summary>
public sealed class ClaimShapingBrowserTests(ITestOutputHelper output) : BrowserTest(output)
{
    private const string Editor = "editor@factcheck.local";
    private const string Reviewer = "reviewer@factcheck.local";

    /// <summary>Selects <paramref name="text"/> inside <paramref name="root"/> as a mouse would, and lets go of the button.</summary>
    private static async Task SelectTextAsync(ILocator root, string text) =>
        await root.EvaluateAsync(
            """
            (root, text) => {
                const piece = [...root.querySelectorAll('[data-at]')].find(el => el.textContent.includes(text));
                const node = piece.firstChild;
                const start = node.textContent.indexOf(text);
                const range = document.createRange();
                range.setStart(node, start);
                range.setEnd(node, start + text.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
            }
            """,
            text);

    [Fact]
    public async Task An_editor_selects_text_in_the_article_and_makes_it_a_claim_and_types_a_quote_for_another()
    {
        var page = await Browser.SignInAsync(Editor);
        await page.GotoAsync($"/articles/{IdentitySeeder.SampleArticleId}");
        await BrowserApp.WaitForInteractiveAsync(page);

        const string selected = "If you look at the movements of (American President Donald) Trump in Iran in the last 10 days";
        await SelectTextAsync(page.GetByTestId("article-text"), selected);
        var text = await Browser.App.WithDbAsync(db => db.Articles.Where(a => a.Id == IdentitySeeder.SampleArticleId).Select(a => a.Text).SingleAsync());
        var start = text.IndexOf(selected, StringComparison.Ordinal);
        await Expect(page.GetByTestId("claim-span")).ToHaveTextAsync($"Characters {start}–{start + selected.Length} of the article.");
        await Expect(page.GetByTestId("claim-quote")).ToHaveValueAsync(selected);
        await page.GetByTestId("claim-statement").FillAsync("Donald Trump's moves on Iran in the ten days before 15 January 2020");
        await page.GetByTestId("make-claim-button").ClickAsync();
        await Expect(page.GetByTestId("make-claim-message")).ToContainTextAsync("Claim made and queued.");

        var made = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Origin == ClaimOrigin.Added));
        Assert.Equal((start, start + selected.Length, "Donald Trump's moves on Iran in the ten days before 15 January 2020"), (made.Start, made.End, made.Statement));
        await Expect(page.Locator($"[data-claim='{made.Id}']")).ToHaveTextAsync(selected);
        await BrowserApp.ScreenshotAsync(page, "article-make-claim");

        // The keyboard's way: type a quote (straight apostrophe) and press Enter on the button.
        await page.GetByTestId("claim-quote").FillAsync("Canada's mission to Iraq has two main elements");
        await page.GetByTestId("make-claim-button").PressAsync("Enter");
        await Expect(page.GetByTestId("make-claim-message")).ToContainTextAsync("Claim made and queued.");
        Assert.Equal(2, await Browser.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Origin == ClaimOrigin.Added)));

        // An absent quote says so and makes nothing.
        await page.GetByTestId("claim-quote").FillAsync("words that are not in this article at all");
        await page.GetByTestId("make-claim-button").ClickAsync();
        await Expect(page.GetByTestId("make-claim-message")).ToContainTextAsync("is not in the article");
        Assert.Equal(2, await Browser.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Origin == ClaimOrigin.Added)));
    }

    [Fact]
    public async Task An_editor_splits_a_claim_on_its_page_sees_the_parts_in_the_article_and_merges_them_back()
    {
        var claim = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Text.StartsWith("Canada’s mission to Iraq has two main elements")));
        var page = await Browser.SignInAsync(Editor);
        await page.GotoAsync($"/claims/{claim.Id}");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Expect(page.GetByTestId("editor-actions")).ToBeVisibleAsync();

        await SelectTextAsync(page.GetByTestId("split-text"), "Canada’s mission to Iraq has two main elements");
        await Expect(page.GetByTestId("split-parts").Locator("li")).ToHaveCountAsync(1);
        await page.GetByTestId("split-quote").FillAsync("the first of which comprises around 200 troops who have been training local forces to fight ISIL since October 2018.");
        await page.GetByTestId("split-add-part").ClickAsync();
        await Expect(page.GetByTestId("split-parts").Locator("li")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "claim-split-parts");
        await page.GetByTestId("split").ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("Split into 2 claims");
        await Expect(page.GetByTestId("parts").Locator("a")).ToHaveCountAsync(2);

        var parts = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.SplitFromId == claim.Id).OrderBy(c => c.Start).ToListAsync());
        Assert.Equal(["Canada’s mission to Iraq has two main elements", "the first of which comprises around 200 troops who have been training local forces to fight ISIL since October 2018."], parts.Select(p => p.Text));
        Assert.Equal(ClaimStatus.Split, await Browser.App.WithDbAsync(db => db.Claims.Where(c => c.Id == claim.Id).Select(c => c.Status).SingleAsync()));

        // The article shows each part within its sentence, and no longer the whole.
        var article = await page.Context.NewPageAsync();
        await article.GotoAsync($"/articles/{IdentitySeeder.SampleArticleId}");
        await Expect(article.Locator($"[data-claim='{parts[0].Id}'].part")).ToBeVisibleAsync();
        await Expect(article.Locator($"[data-claim='{parts[1].Id}'].part")).ToBeVisibleAsync();
        await Expect(article.Locator($"[data-claim='{claim.Id}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(article, "article-split");

        await page.GetByTestId("merge-back").ClickAsync();
        await Expect(page.GetByTestId("message")).ToContainTextAsync("Split undone");
        await Expect(article.Locator($"[data-claim='{claim.Id}']")).ToBeVisibleAsync();
        await Expect(article.Locator($"[data-claim='{parts[0].Id}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_reviewer_rewords_a_claim_and_the_published_page_shows_the_statement_with_the_quote()
    {
        var reviewer = await Browser.SignInAsync(Reviewer);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Take next claim" }).ClickAsync();
        await reviewer.WaitForURLAsync(new Regex("/claims/[0-9a-f-]{36}$"));
        await BrowserApp.WaitForInteractiveAsync(reviewer);
        var claimId = Guid.Parse(reviewer.Url[^36..]);
        var quote = await Browser.App.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.Text).SingleAsync());

        const string statement = "About 200 Canadian special forces have served in Iraq with the US-led coalition against ISIL since 2014.";
        await reviewer.GetByTestId("reword").ClickAsync();
        await reviewer.GetByTestId("statement-input").FillAsync(statement);
        await reviewer.GetByTestId("statement-save").ClickAsync();
        await Expect(reviewer.GetByTestId("message")).ToHaveTextAsync("Statement saved.");
        await Expect(reviewer.GetByTestId("statement")).ToHaveTextAsync(statement);
        await Expect(reviewer.GetByTestId("claim-text")).ToHaveTextAsync(quote);
        await BrowserApp.ScreenshotAsync(reviewer, "workspace-statement");

        await reviewer.GetByLabel("Rating").SelectOptionAsync("Mostly true");
        await reviewer.GetByLabel("Rationale").FillAsync("The Department of National Defence lists about 200 special forces in Iraq.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Propose verdict" }).ClickAsync();
        await Expect(reviewer.GetByTestId("message")).ToContainTextAsync("Verdict proposed");

        var editor = await Browser.SignInAsync(Editor);
        await editor.GotoAsync("/signoff");
        await BrowserApp.WaitForInteractiveAsync(editor);
        await editor.Locator($"article[data-claim='{claimId}']").GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Expect(editor.Locator($"article[data-claim='{claimId}']")).ToHaveCountAsync(0);

        var published = await editor.Context.NewPageAsync();
        await published.GotoAsync($"/fact-checks/{claimId}");
        await Expect(published.GetByTestId("statement")).ToHaveTextAsync(statement);
        await Expect(published.GetByTestId("quote")).ToContainTextAsync(quote);
        var jsonLd = await published.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains(statement, jsonLd, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(published, "fact-check-statement");
    }

    [Fact]
    public async Task The_detectors_atomic_claims_show_within_their_sentence_and_an_editor_merges_them_back()
    {
        var parts = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking()
            .Where(c => c.Text.StartsWith("Nobody was injured") || c.Text.StartsWith("the Iranian army later shot down")).OrderBy(c => c.Start).ToListAsync());
        Assert.Equal(2, parts.Count);
        var page = await Browser.SignInAsync(Editor);
        await page.GotoAsync($"/articles/{IdentitySeeder.SampleArticleId}");
        await BrowserApp.WaitForInteractiveAsync(page);
        foreach (var part in parts)
            await Expect(page.Locator($"[data-claim='{part.Id}'].part")).ToBeVisibleAsync();

        var claim = await page.Context.NewPageAsync();
        await claim.GotoAsync($"/claims/{parts[0].Id}");
        await BrowserApp.WaitForInteractiveAsync(claim);
        await Expect(claim.GetByTestId("same-sentence")).ToContainTextAsync("The Iranian army later shot down");
        await claim.GetByTestId("merge-sentence").ClickAsync();
        await Expect(claim.GetByTestId("message")).ToContainTextAsync("Merged into one claim");
        var merged = await Browser.App.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Origin == ClaimOrigin.Merged));
        Assert.Equal((parts[0].Start, parts[1].End), (merged.Start, merged.End));
        await Expect(claim.GetByTestId("split-from")).ToContainTextAsync("Nobody was injured in the attacks, but");

        // The article shows the sentence as one claim again.
        await Expect(page.Locator($"[data-claim='{merged.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-claim='{parts[0].Id}']")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(claim, "claim-merged-part");
    }
}
