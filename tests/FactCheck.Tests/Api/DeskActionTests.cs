using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Sources;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Api;

/// <summary>What the web UI's workspace and desk do, through the REST API that other systems use.</summary>
public sealed class DeskActionTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private static async Task<List<ClaimEventResponse>> History(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<List<ClaimEventResponse>>($"/api/claims/{id}/history", ClaimWorkflowScenario.Json))!;

    [Fact]
    public async Task A_reviewer_edits_and_removes_a_source_and_a_new_url_is_checked_again()
    {
        var claim = desk.Claim(0);
        var added = await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources", new { url = "https://example.org/first", title = "First", stance = "Supports" });
        var source = (await added.Content.ReadFromJsonAsync<SourceResponse>(ClaimWorkflowScenario.Json))!;
        await desk.App.WithDbAsync(async db =>
        {
            var stored = await db.Sources.SingleAsync(s => s.Id == source.Id);
            stored.RecordLinkCheck(LinkStatus.Alive, 200, "abc", null, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });

        var edited = await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/sources/{source.Id}", new { url = "https://example.org/second", title = "Second", publisher = "Example", stance = "Refutes" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = Assert.Single((await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Sources);
        Assert.Equal(("https://example.org/second", "Second", "Example", SourceStance.Refutes, LinkStatus.Unchecked), (after.Url, after.Title, after.Publisher, after.Stance, after.LinkStatus));

        // Only the assignee works the claim's sources.
        var foreign = await desk.OtherReviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/sources/{source.Id}", new { url = "https://example.org/x", stance = "Supports" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await desk.Reviewer.DeleteAsync($"/api/claims/{claim.Id}/sources/{source.Id}")).StatusCode);
        Assert.Empty((await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Sources);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Reviewer.DeleteAsync($"/api/claims/{claim.Id}/sources/{source.Id}")).StatusCode);

        // The history keeps each version of the source, link check included.
        var events = (await History(desk.Editor, claim.Id)).Where(e => e.Kind.ToString().StartsWith("Source", StringComparison.Ordinal)).ToList();
        Assert.Equal([ClaimEventKind.SourceAttached, ClaimEventKind.SourceEdited, ClaimEventKind.SourceRemoved], events.Select(e => e.Kind));
        Assert.Contains("\"Title\":\"First\"", events[1].From, StringComparison.Ordinal);
        Assert.Contains("\"ContentHash\":\"abc\"", events[1].From, StringComparison.Ordinal);
        Assert.Contains("\"Title\":\"Second\"", events[1].To, StringComparison.Ordinal);
        Assert.Contains("\"Url\":\"https://example.org/second\"", events[2].From, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_moves_a_due_date_and_a_reviewer_cannot()
    {
        var claim = desk.Claim(1);
        var due = new DateTime(2031, 5, 4, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/due", new { dueAt = due })).StatusCode);

        // A time without an offset is UTC, whatever the server's time zone.
        var response = await desk.Editor.PutAsJsonAsync($"/api/claims/{claim.Id}/due", new { dueAt = "2031-05-04T12:00:00" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(due, (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim.DueAt);
        Assert.Contains(await History(desk.Editor, claim.Id), e => e.Kind == ClaimEventKind.DueDateChanged && e.To!.StartsWith("2031-05-04T12:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_editor_reassigns_a_claim_from_one_reviewer_to_another_with_both_steps_in_its_history()
    {
        var claim = desk.Claim(2);
        var omar = await desk.App.WithDbAsync(db => db.Reviewers.Where(r => r.DisplayName == "Omar Other").Select(r => r.UserId).SingleAsync());

        var response = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/assign", new { reviewerId = omar });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim;
        Assert.Equal((ClaimStatus.Assigned, omar), (after.Status, after.AssigneeId));
        var moves = (await History(desk.Editor, claim.Id)).Where(e => e.Kind == ClaimEventKind.StatusChanged).TakeLast(2).Select(e => $"{e.From}>{e.To}");
        Assert.Equal(["Assigned>Queued", "Queued>Assigned"], moves);

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/assign", new { reviewerId = "nobody" })).StatusCode);
        var away = await desk.App.CreateUserAsync("away@newsroom.test", "Away Reviewer", ["Reviewer"]);
        Assert.Equal(HttpStatusCode.OK, (await desk.Admin.PutAsJsonAsync($"/api/admin/reviewers/{away}", new { isAvailable = false })).StatusCode);
        var unavailable = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/assign", new { reviewerId = away });
        Assert.Equal(HttpStatusCode.Conflict, unavailable.StatusCode);
        Assert.Contains("not available", await unavailable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/assign", new { reviewerId = desk.ReviewerId })).StatusCode);
    }

    [Fact]
    public async Task The_claim_list_filters_by_beat_and_sorts_by_due_date()
    {
        var page = await desk.Editor.GetFromJsonAsync<ResultPage<ClaimSummary>>("/api/claims?beat=defence&sort=DueAt&pageSize=200", ClaimWorkflowScenario.Json);
        Assert.Equal(desk.Article.Claims.Count, page!.Total);
        Assert.Equal(page.Items.OrderBy(c => c.DueAt).ThenByDescending(c => c.Priority).Select(c => c.Id), page.Items.Select(c => c.Id));
        var none = await desk.Editor.GetFromJsonAsync<ResultPage<ClaimSummary>>("/api/claims?beat=sports", ClaimWorkflowScenario.Json);
        Assert.Equal(0, none!.Total);

        // Status sorts in lifecycle order, not alphabetically (stored as text).
        await desk.Editor.PostAsJsonAsync($"/api/claims/{desk.Claim(3).Id}/dismiss", new { reason = "not check-worthy" });
        var byStatus = await desk.Editor.GetFromJsonAsync<ResultPage<ClaimSummary>>("/api/claims?sort=Status&pageSize=200", ClaimWorkflowScenario.Json);
        var order = byStatus!.Items.Select(c => (int)c.Status).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(ClaimStatus.Dismissed, byStatus.Items[^1].Status);
    }

    [Fact]
    public async Task In_pull_mode_claims_wait_in_the_queue_until_a_reviewer_takes_one()
    {
        await using var app = new FactCheckApp(TestStack.Embedded(), new Dictionary<string, string?>
        {
            ["FactCheck:Workflow:AutoAssign"] = "false",
            ["FactCheck:Workflow:RunJobs"] = "false",
        });
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["defence"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        using var reviewer = await app.ClientForAsync("rita@newsroom.test");
        var accepted = (await (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).Content.ReadFromJsonAsync<ArticleAccepted>())!;

        var claims = await Eventually.Until(
            () => app.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.ArticleId == accepted.ArticleId).ToListAsync()),
            c => c.Count > 0, what: "the claims to be extracted");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.All(await app.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.ArticleId == accepted.ArticleId).ToListAsync()), c => Assert.Equal(ClaimStatus.Queued, c.Status));

        var taken = await (await reviewer.PostAsync("/api/claims/next", null)).Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json);
        Assert.Equal(claims.Max(c => c.Priority), taken!.Priority);
        Assert.Equal(ClaimStatus.Assigned, taken.Status);
    }
}
