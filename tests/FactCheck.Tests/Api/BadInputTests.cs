using System.Net;
using System.Net.Http.Json;
using System.Text;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Api;

/// <summary>Every refusal is a ProblemDetails with a message that says what to fix, and changes nothing.</summary>
public sealed class BadInputTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    /// <summary>Submissions queued for a title; other tests' articles keep the outbox busy, so count by a unique title.</summary>
    private Task<int> SubmissionsTitled(string title) =>
        desk.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.MessageType == "factcheck.submit-article.v1" && m.Body.Contains(title)));

    private static string UniqueTitle() => $"Title {Guid.NewGuid():N}";

    private static async Task<ProblemDetails> Problem(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, ClaimWorkflowScenario.Json)!;
    }

    [Fact]
    public async Task An_empty_article_is_refused_with_the_field_and_nothing_is_queued()
    {
        var title = UniqueTitle();
        var response = await desk.Editor.PostAsJsonAsync("/api/articles", new { title, text = "   " });
        await Problem(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal("The article cannot be accepted", problem!.Title);
        Assert.Equal(["The article has no text."], problem.Errors["text"]);
        Assert.Equal(0, await SubmissionsTitled(title));
    }

    [Fact]
    public async Task An_article_over_the_text_limit_is_refused_with_the_limit()
    {
        var title = UniqueTitle();
        var response = await desk.Editor.PostAsJsonAsync("/api/articles", new { title, text = new string('a', 200_001) });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 200,000", body, StringComparison.Ordinal);
        Assert.Equal(0, await SubmissionsTitled(title));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_before_it_is_read()
    {
        var response = await desk.Editor.PostAsJsonAsync("/api/articles", new { title = "Huge", text = new string('a', 3 * 1024 * 1024) });
        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_where_it_broke()
    {
        var title = UniqueTitle();
        using var content = new StringContent($"{{\"title\": \"{title}\", \"text\": ", Encoding.UTF8, "application/json");
        var problem = await Problem(await desk.Editor.PostAsync("/api/articles", content), HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await SubmissionsTitled(title));
    }

    [Fact]
    public async Task An_unknown_claim_is_404_with_its_id()
    {
        var id = Guid.NewGuid();
        var problem = await Problem(await desk.Editor.GetAsync($"/api/claims/{id}"), HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.Detail, StringComparison.Ordinal);
        await Problem(await desk.Reviewer.PostAsJsonAsync($"/api/claims/{id}/verdict", new { rating = "True", rationale = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_bad_request()
    {
        var problem = await Problem(await desk.Editor.GetAsync("/api/claims?status=Bogus"), HttpStatusCode.BadRequest);
        Assert.Contains("Status", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Bogus", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_a_claim_that_has_no_proposed_verdict_is_an_illegal_transition()
    {
        var claim = desk.Claim(0);
        var problem = await Problem(await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/approve", new { }), HttpStatusCode.Conflict);
        Assert.Contains("Only a proposed verdict can be reviewed", problem.Detail, StringComparison.Ordinal);
        var after = await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id);
        Assert.Equal((ClaimStatus.Assigned, claim.Version), (after.Claim.Status, after.Claim.Version));

        var restore = await Problem(await desk.Editor.PostAsync($"/api/claims/{claim.Id}/restore", null), HttpStatusCode.Conflict);
        Assert.Contains("Only a dismissed claim can be restored; this claim is Assigned", restore.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_against_a_stale_version_is_a_conflict_and_saves_nothing()
    {
        var claim = desk.Claim(1);
        var current = await desk.Reviewer.GetAsync($"/api/claims/{claim.Id}");
        var etag = current.Headers.ETag!.Tag;
        Assert.Equal($"\"{claim.Version}\"", etag);

        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{claim.Id}/sources") { Content = JsonContent.Create(new { url = "https://example.org/a", stance = "Supports" }) };
        first.Headers.IfMatch.ParseAdd(etag);
        Assert.Equal(HttpStatusCode.Created, (await desk.Reviewer.SendAsync(first)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{claim.Id}/sources") { Content = JsonContent.Create(new { url = "https://example.org/b", stance = "Refutes" }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        var problem = await Problem(await desk.Reviewer.SendAsync(stale), HttpStatusCode.Conflict);
        Assert.Contains("changed since you loaded it", problem.Detail, StringComparison.Ordinal);

        var after = await ClaimWorkflowScenario.GetClaim(desk.Reviewer, claim.Id);
        Assert.Equal(["https://example.org/a"], after.Sources.Select(s => s.Url));
    }

    [Fact]
    public async Task Two_simultaneous_edits_of_one_claim_cannot_both_win()
    {
        var claimId = desk.Claim(2).Id;
        await using var scopeA = desk.App.Services.CreateAsyncScope();
        await using var scopeB = desk.App.Services.CreateAsyncScope();
        var dbA = scopeA.ServiceProvider.GetRequiredService<FactCheck.Workflow.Persistence.FactCheckDbContext>();
        var dbB = scopeB.ServiceProvider.GetRequiredService<FactCheck.Workflow.Persistence.FactCheckDbContext>();
        var a = await dbA.Claims.SingleAsync(c => c.Id == claimId);
        var b = await dbB.Claims.SingleAsync(c => c.Id == claimId);

        a.SetPriority(90, "editor-a", DateTime.UtcNow);
        b.SetPriority(10, "editor-b", DateTime.UtcNow);
        await dbA.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => dbB.SaveChangesAsync());

        var stored = await desk.App.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId));
        Assert.Equal(90, stored.Priority);
    }

    [Fact]
    public async Task A_reviewer_cannot_do_an_editors_work_and_anonymous_callers_are_turned_away()
    {
        var claim = desk.Claim(3);
        await Problem(await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/approve", new { }), HttpStatusCode.Forbidden);
        await Problem(await desk.Reviewer.PostAsJsonAsync("/api/articles", SampleArticle.Request()), HttpStatusCode.Forbidden);
        await Problem(await desk.Editor.PostAsJsonAsync("/api/admin/users", new { email = "x@y.z" }), HttpStatusCode.Forbidden);

        using var anonymous = desk.App.CreateClient();
        await Problem(await anonymous.GetAsync("/api/claims"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);

        Assert.Equal(ClaimStatus.Assigned, (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim.Status);
    }

    [Fact]
    public async Task Only_the_assigned_reviewer_can_work_on_a_claim()
    {
        var claim = desk.Claim(4);
        var problem = await Problem(await desk.OtherReviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new { url = "https://example.org", stance = "Context" }), HttpStatusCode.Forbidden);
        Assert.Contains("assigned to", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Sources);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task A_source_must_be_an_http_link(string url)
    {
        var claim = desk.Claim(5);
        var problem = await Problem(await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new { url, stance = "Supports" }), HttpStatusCode.BadRequest);
        Assert.Contains("http or https", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Sources);
    }

    [Fact]
    public async Task A_verdict_off_the_scale_or_without_rationale_is_refused()
    {
        var claim = desk.Claim(6);
        var offScale = await Problem(await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict", new { rating = "Pants on fire", rationale = "No." }), HttpStatusCode.BadRequest);
        Assert.Contains("not a rating on the verdict scale", offScale.Detail, StringComparison.Ordinal);
        var noRationale = await Problem(await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict", new { rating = "False" }), HttpStatusCode.BadRequest);
        Assert.Contains("rationale", noRationale.Detail, StringComparison.Ordinal);

        var after = await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id);
        Assert.Equal((ClaimStatus.Assigned, 0), (after.Claim.Status, after.Verdicts.Count));
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_article_and_a_different_body_is_refused()
    {
        var lastBefore = await desk.App.WithDbAsync(db => db.Outbox.MaxAsync(m => m.Id));
        var body = new { title = "Budget", text = "The deficit reached 40 billion dollars in 2024, the finance minister said." };
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "cms-4711");
        using var again = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(body) };
        again.Headers.Add("Idempotency-Key", "cms-4711");

        var a = await (await desk.Editor.SendAsync(first)).Content.ReadFromJsonAsync<ArticleAccepted>();
        var b = await (await desk.Editor.SendAsync(again)).Content.ReadFromJsonAsync<ArticleAccepted>();
        Assert.Equal(a!.ArticleId, b!.ArticleId);
        var submissions = await desk.App.WithDbAsync(db => db.Outbox.CountAsync(m => m.Id > lastBefore && m.MessageType == "factcheck.submit-article.v1"));
        Assert.Equal(1, submissions);

        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { title = "Other", text = "Something else entirely, 12 people." }) };
        different.Headers.Add("Idempotency-Key", "cms-4711");
        var problem = await Problem(await desk.Editor.SendAsync(different), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("already used for a different article", problem.Detail, StringComparison.Ordinal);
    }
}
