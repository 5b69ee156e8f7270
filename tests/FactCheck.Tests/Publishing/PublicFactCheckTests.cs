using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Verdicts;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Publishing;

/// <summary>What the public and other systems get of a published verdict: its page, its ClaimReview, the export.</summary>
public sealed partial class PublicFactCheckTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private async Task PublishAsync(Guid claimId, string rating, string rationale)
    {
        var proposed = await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claimId}/verdict", new { rating, rationale });
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claimId}/verdict/approve", new { })).StatusCode);
    }

    private static JsonElement JsonLdOf(string html)
    {
        var script = JsonLdPattern().Match(html);
        Assert.True(script.Success, "the page has no ClaimReview JSON-LD");
        return JsonDocument.Parse(script.Groups[1].Value).RootElement.Clone();
    }

    [Fact]
    public async Task A_published_claim_has_a_public_page_whose_ClaimReview_has_every_field_schema_org_and_search_engines_require()
    {
        var claim = desk.Claim(5);
        await PublishAsync(claim.Id, "Mostly false", "The department's own figures say otherwise.");
        using var anonymous = desk.App.CreateClient();

        var page = await anonymous.GetAsync($"/fact-checks/{claim.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var review = JsonLdOf(await page.Content.ReadAsStringAsync());

        Assert.Equal("https://schema.org", review.GetProperty("@context").GetString());
        Assert.Equal("ClaimReview", review.GetProperty("@type").GetString());
        Assert.Equal(claim.Statement, review.GetProperty("claimReviewed").GetString());
        Assert.EndsWith($"/fact-checks/{claim.Id}", review.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", review.GetProperty("datePublished").GetString());
        Assert.Equal("Organization", review.GetProperty("author").GetProperty("@type").GetString());
        Assert.False(string.IsNullOrEmpty(review.GetProperty("author").GetProperty("name").GetString()));

        var rating = review.GetProperty("reviewRating");
        var scale = desk.App.Services.GetRequiredService<VerdictScale>();
        Assert.Equal("Rating", rating.GetProperty("@type").GetString());
        Assert.Equal("Mostly false", rating.GetProperty("alternateName").GetString());
        Assert.Equal((1, scale.Worst), (rating.GetProperty("worstRating").GetInt32(), rating.GetProperty("bestRating").GetInt32()));
        Assert.Equal(scale.Worst - scale.PositionOf("Mostly false")!.Value + 1, rating.GetProperty("ratingValue").GetInt32());

        var item = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", item.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("author").GetProperty("name").GetString()));
        Assert.Equal("2020-01-13", item.GetProperty("datePublished").GetString());
        Assert.Equal("https://www.thecanadianpress.com/ndp-iraq", item.GetProperty("appearance").GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_claim_that_is_not_published_has_no_public_page()
    {
        using var anonymous = desk.App.CreateClient();
        var page = await anonymous.GetAsync($"/fact-checks/{desk.Claim(6).Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("application/ld+json", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_text_cannot_break_out_of_the_json_ld_script()
    {
        const string title = "Budget </script><script>alert(1)</script> & <b>more</b>";
        var article = await AssignedArticle.SubmitAsync(desk.Editor, new
        {
            title, text = "The city spent 4.2 million dollars on 120 new buses in 2023, the mayor said.", outlet = "Gazette", language = "en", beat = "defence",
        }, "the article's claim to be assigned");
        var claim = article.Claims[0];
        await PublishAsync(claim.Id, "True", "Council minutes confirm the purchase.");

        using var anonymous = desk.App.CreateClient();
        var html = await anonymous.GetStringAsync($"/fact-checks/{claim.Id}");

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(html, "<script"), Regex.Count(html, "</script>"));
        Assert.Equal(title, JsonLdOf(html).GetProperty("itemReviewed").GetProperty("appearance").GetProperty("headline").GetString());
        Assert.Contains("Budget &lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_and_verdicts_export_as_csv_and_json_with_the_list_filters()
    {
        var claim = desk.Claim(7);
        await PublishAsync(claim.Id, "Misleading", "The figure, \"about 200\", leaves out rotations.");

        var csv = await desk.Editor.GetAsync($"/api/claims/export?format=csv&status=Published&articleId={desk.Article.Id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString() ?? csv.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("claimId,articleId,articleTitle", lines[0], StringComparison.Ordinal);
        var row = lines.Single(l => l.StartsWith(claim.Id.ToString(), StringComparison.Ordinal));
        Assert.Contains(",Misleading,\"The figure, \"\"about 200\"\", leaves out rotations.\",Approved,", row, StringComparison.Ordinal);
        Assert.EndsWith($"/fact-checks/{claim.Id}", row, StringComparison.Ordinal);

        var listed = await desk.Editor.GetFromJsonAsync<ResultPage<ClaimSummary>>($"/api/claims?status=Published&articleId={desk.Article.Id}", ClaimWorkflowScenario.Json);
        var json = await desk.Editor.GetFromJsonAsync<List<ClaimExportRow>>($"/api/claims/export?format=json&status=Published&articleId={desk.Article.Id}", ClaimWorkflowScenario.Json);
        Assert.Equal(listed!.Total, json!.Count);
        Assert.Equal(lines.Length - 1, json.Count);
        Assert.All(json, r => Assert.Equal(ClaimStatus.Published, r.Status));
        Assert.Contains(json, r => r.ClaimId == claim.Id && r.Rating == "Misleading");

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Editor.GetAsync("/api/claims/export?format=xml")).StatusCode);
    }

    [Fact]
    public async Task A_correction_keeps_the_published_verdict_public_until_the_new_one_is_approved_and_keeps_both()
    {
        var claim = desk.Claim(8);
        var cited = await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new { url = "https://example.org/ministry-figures", title = "Ministry figures", stance = "Supports" });
        var citedId = (await cited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PublishAsync(claim.Id, "True", "The ministry's figures match.");
        using var anonymous = desk.App.CreateClient();
        Assert.Contains("https://example.org/ministry-figures", await anonymous.GetStringAsync($"/fact-checks/{claim.Id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/correct", new { comment = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/correct", new { comment = "mine" })).StatusCode);
        var reopened = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/correct", new { comment = "The ministry revised its figures on Monday." });
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var during = (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim;
        Assert.Equal((ClaimStatus.Returned, desk.ReviewerId), (during.Status, during.AssigneeId));

        // Meanwhile the public keeps the published rating and its sources as approved, with a notice; the reviewer's edits are drafts.
        await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new { url = "https://example.org/draft-revision", title = "Draft", stance = "Context" });
        Assert.Equal(HttpStatusCode.OK, (await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/sources/{citedId}",
            new { url = "https://example.org/ministry-figures-revised", title = "Ministry figures, revised", stance = "Supports" })).StatusCode);
        var page = await anonymous.GetStringAsync($"/fact-checks/{claim.Id}");
        Assert.DoesNotContain("draft-revision", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ministry-figures-revised", page, StringComparison.Ordinal);
        Assert.Contains("https://example.org/ministry-figures", page, StringComparison.Ordinal);
        Assert.Contains("being corrected", page, StringComparison.Ordinal);
        Assert.Equal("True", JsonLdOf(page).GetProperty("reviewRating").GetProperty("alternateName").GetString());

        await PublishAsync(claim.Id, "Mostly true", "After Monday's revision the figure is slightly lower.");
        page = await anonymous.GetStringAsync($"/fact-checks/{claim.Id}");
        Assert.DoesNotContain("being corrected", page, StringComparison.Ordinal);
        Assert.Equal("Mostly true", JsonLdOf(page).GetProperty("reviewRating").GetProperty("alternateName").GetString());
        Assert.Contains("Our earlier rating", page, StringComparison.Ordinal);
        Assert.Contains("ministry-figures-revised", page, StringComparison.Ordinal);
        Assert.Contains("draft-revision", page, StringComparison.Ordinal);

        var details = await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id);
        Assert.Equal(["True", "Mostly true"], details.Verdicts.Select(v => v.Rating));
        Assert.Equal(["https://example.org/ministry-figures"], details.Verdicts[0].CitedSources!.Select(c => c.Url));
        Assert.Equal(["https://example.org/ministry-figures-revised", "https://example.org/draft-revision"], details.Verdicts[1].CitedSources!.Select(c => c.Url));
        Assert.All(details.Verdicts, v => Assert.Equal(FactCheck.Workflow.Verdicts.ReviewDecision.Approved, v.Review!.Decision));
        var history = await desk.Editor.GetFromJsonAsync<List<ClaimEventResponse>>($"/api/claims/{claim.Id}/history", ClaimWorkflowScenario.Json);
        Assert.Contains(history!, e => e.From == "Published" && e.To == "Returned" && e.Reason!.Contains("revised its figures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_goes_to_the_queue_when_its_reviewer_is_away_and_dismissing_it_retracts_the_fact_check()
    {
        var claim = desk.Claim(9);
        await PublishAsync(claim.Id, "False", "No such figure was ever published.");
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PutAsJsonAsync($"/api/admin/reviewers/{desk.ReviewerId}", new { isAvailable = false })).StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/correct", new { comment = "Check the new report." })).StatusCode);
            var queued = (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim;
            Assert.Equal((ClaimStatus.Queued, (string?)null), (queued.Status, queued.AssigneeId));

            // Dismissed while nobody can take it: with the reviewer back, the assignment policy would
            // race the editor for the claim (and the loser rightly gets 409).
            using var anonymous = desk.App.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/fact-checks/{claim.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/dismiss", new { reason = "retracted: the claim was misquoted" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/fact-checks/{claim.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await desk.Editor.GetAsync($"/api/claims/{claim.Id}/claimreview")).StatusCode);
        }
        finally
        {
            await desk.Admin.PutAsJsonAsync($"/api/admin/reviewers/{desk.ReviewerId}", new { isAvailable = true });
        }
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdPattern();
}
