using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// The whole desk through the API: the sample article goes in, every claim gets queued and
/// assigned, a reviewer sources and proposes, an editor returns once and then approves, and the
/// ClaimReview is served. Run on the embedded stack and on RabbitMQ + PostgreSQL.
/// </summary>
public static class ClaimWorkflowScenario
{
    public static async Task<TimeSpan> RunAsync(FactCheckApp app, ITestOutputHelper output)
    {
        var reviewerId = await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["defence"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        using var reviewer = await app.ClientForAsync("rita@newsroom.test");

        var clock = Stopwatch.StartNew();
        var submit = await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request());
        Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
        var accepted = await submit.Content.ReadFromJsonAsync<ArticleAccepted>(Json);
        Assert.Equal($"/api/articles/{accepted!.ArticleId}", submit.Headers.Location?.ToString());

        var article = await AssignedArticle.WaitAsync(editor, accepted.Location, "every claim of the sample article to be assigned", TimeSpan.FromSeconds(60));
        var toAssigned = clock.Elapsed;
        output.WriteLine($"{app.Stack.Provider}/{app.Stack.Transport}: {article!.Claims.Count} claims assigned {toAssigned.TotalMilliseconds:F0} ms after submission");

        Assert.True(article.Claims.Count >= 10, $"only {article.Claims.Count} claims were extracted");
        Assert.All(article.Claims, c =>
        {
            Assert.Equal(reviewerId, c.AssigneeId);
            Assert.NotNull(c.LeaseExpiresAt);
            Assert.Equal(article.Text[c.Start..c.End], c.Text);
        });

        var claim = article.Claims.First(c => c.Text.Contains("176 people", StringComparison.Ordinal));
        Assert.Contains(claim.Quantities, q => q.Value == 176);

        var source = await reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new
        {
            url = "https://www.tsb.gc.ca/eng/enquetes-investigations/aviation/2020/a20f0002/a20f0002.html",
            title = "Investigation into the downing of flight PS752",
            publisher = "Transportation Safety Board of Canada",
            excerpt = "176 people on board, including 55 Canadian citizens and 30 permanent residents",
            stance = "Supports",
        });
        Assert.Equal(HttpStatusCode.Created, source.StatusCode);

        await Propose(reviewer, claim.Id, "Mostly true", "The TSB lists 176 people aboard; 57 counts residents as Canadians.");
        var returned = await editor.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/return", new { comment = "Say which count of Canadians we use and why." });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(ClaimStatus.Returned, (await GetClaim(reviewer, claim.Id)).Claim.Status);

        await Propose(reviewer, claim.Id, "Mostly true", "176 aboard is exact; 57 Canadians matches the government's first count (55 citizens + residents).");
        var approved = await editor.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/approve", new { comment = "Good." });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var details = await GetClaim(editor, claim.Id);
        Assert.Equal(ClaimStatus.Published, details.Claim.Status);
        Assert.Equal(2, details.Verdicts.Count);
        Assert.Equal("Say which count of Canadians we use and why.", details.Verdicts[0].Review!.Comment);

        var jsonLd = await editor.GetAsync($"/api/claims/{claim.Id}/claimreview");
        Assert.Equal("application/ld+json", jsonLd.Content.Headers.ContentType?.MediaType);
        using (var review = JsonDocument.Parse(await jsonLd.Content.ReadAsStringAsync()))
        {
            var root = review.RootElement;
            Assert.Equal("ClaimReview", root.GetProperty("@type").GetString());
            Assert.Equal(claim.Statement, root.GetProperty("claimReviewed").GetString());
            Assert.Equal("Mostly true", root.GetProperty("reviewRating").GetProperty("alternateName").GetString());
            Assert.Equal(6, root.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
            Assert.Equal("https://www.thecanadianpress.com/ndp-iraq", root.GetProperty("itemReviewed").GetProperty("appearance").GetProperty("url").GetString());
        }

        var history = await editor.GetFromJsonAsync<List<ClaimEventResponse>>($"/api/claims/{claim.Id}/history", Json);
        Assert.Equal(
            ["New>Queued", "Queued>Assigned", "Assigned>InProgress", "InProgress>VerdictProposed", "VerdictProposed>Returned", "Returned>InProgress", "InProgress>VerdictProposed", "VerdictProposed>Published"],
            history!.Where(e => e.Kind == ClaimEventKind.StatusChanged).Select(e => $"{e.From}>{e.To}"));

        // Every transition left a ClaimStatusChanged in the outbox, and the dispatcher relayed them all.
        await Eventually.Until(
            () => app.WithDbAsync(db => db.Outbox.CountAsync(m => m.DispatchedAt == null)),
            pending => pending == 0, what: "the outbox to drain");
        var statusEvents = await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.MessageType == "factcheck.claim-status-changed.v1" && m.Body.Contains(claim.Id.ToString())));
        Assert.Equal(8, statusEvents);
        return toAssigned;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static async Task<ClaimDetails> GetClaim(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ClaimDetails>($"/api/claims/{id}", Json))!;

    private static async Task Propose(HttpClient reviewer, Guid claimId, string rating, string rationale)
    {
        var response = await reviewer.PostAsJsonAsync($"/api/claims/{claimId}/verdict", new { rating, rationale });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
