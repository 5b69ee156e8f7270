using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Api;

/// <summary>Releasing, taking the next claim, dismissing and restoring, through the API.</summary>
public sealed class ReviewerQueueTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private async Task SetAvailable(string userId, bool available)
    {
        var response = await desk.Admin.PutAsJsonAsync($"/api/admin/reviewers/{userId}", new { isAvailable = available });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> CreateReviewer(string email, string name, string[] beats)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/admin/users", new
        {
            email, password = FactCheckApp.Password, displayName = name, roles = new[] { "Reviewer" }, beats, languages = new[] { "en" }, capacity = 100,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reviewer = await response.Content.ReadFromJsonAsync<ReviewerResponse>();
        await SetAvailable(reviewer!.UserId, false);
        return reviewer.UserId;
    }

    private static async Task Release(HttpClient client, Guid claimId)
    {
        var response = await client.PostAsync($"/api/claims/{claimId}/release", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<List<Claim>> Queued() => desk.App.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.Status == ClaimStatus.Queued).ToListAsync());

    [Fact]
    public async Task Concurrent_take_next_never_hands_one_claim_to_two_reviewers()
    {
        var gina = await CreateReviewer("gina@newsroom.test", "Gina Generalist", []);
        var hugo = await CreateReviewer("hugo@newsroom.test", "Hugo Generalist", []);
        using var ginaClient = await desk.App.ClientForAsync("gina@newsroom.test");
        using var hugoClient = await desk.App.ClientForAsync("hugo@newsroom.test");

        // Rita, the only one available for defence, steps away and gives back ten claims: they stay queued.
        await SetAvailable(desk.ReviewerId, false);
        var released = desk.Article.Claims.Skip(8).Take(10).Select(c => c.Id).ToList();
        foreach (var id in released)
            await Release(desk.Reviewer, id);
        await Eventually.Until(Queued, q => q.Count(c => released.Contains(c.Id)) == released.Count, what: "the released claims to be queued");
        // Other tests of the class may have left claims in the queue too (a restored one): those can be taken as well.
        var queued = (await Queued()).Select(c => c.Id).ToList();

        var takes = Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? ginaClient : hugoClient).PostAsync("/api/claims/next", null)).ToList();
        var responses = await Task.WhenAll(takes);
        // 409: outrun by the other reviewer on every claim offered while some were still queued ("try again").
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var taken = new List<ClaimSummary>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
            taken.Add((await response.Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json))!);

        Assert.NotEmpty(taken);
        Assert.Equal(taken.Count, taken.Select(c => c.Id).Distinct().Count());
        var stored = await desk.App.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.History).Where(c => queued.Contains(c.Id)).ToListAsync());
        foreach (var claim in taken)
        {
            var inDb = stored.Single(c => c.Id == claim.Id);
            Assert.Equal((ClaimStatus.Assigned, claim.AssigneeId), (inDb.Status, inDb.AssigneeId));
            Assert.Contains(inDb.AssigneeId, new[] { gina, hugo });
            // Exactly one assignment since it was last queued.
            Assert.Equal(1, inDb.History.OrderBy(e => e.OccurredAt).SkipWhile(e => e.OccurredAt < inDb.History.Where(q => q.To == "Queued").Max(q => q.OccurredAt)).Count(e => e.To == "Assigned"));
        }

        Assert.Equal(queued.Count, taken.Count + stored.Count(c => c.Status == ClaimStatus.Queued));
    }

    [Fact]
    public async Task Take_next_gives_the_most_urgent_claim_in_my_beat_and_nothing_outside_it()
    {
        await SetAvailable(desk.ReviewerId, false);
        var claim = desk.Article.Claims[0];
        await Release(desk.Reviewer, claim.Id);
        var priorityChange = await desk.Editor.PutAsJsonAsync($"/api/claims/{claim.Id}/priority", new { priority = 100 });
        Assert.Equal(HttpStatusCode.OK, priorityChange.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.OtherReviewer.PostAsync("/api/claims/next", null)).StatusCode);

        var next = await desk.Reviewer.PostAsync("/api/claims/next", null);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var taken = await next.Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json);
        Assert.Equal((claim.Id, desk.ReviewerId, ClaimStatus.Assigned, 100), (taken!.Id, taken.AssigneeId, taken.Status, taken.Priority));
    }

    [Fact]
    public async Task A_dismissed_duplicate_can_be_restored_and_is_queued_again()
    {
        var original = desk.Article.Claims[1];
        var duplicate = desk.Article.Claims[2];
        var dismissed = await desk.Editor.PostAsJsonAsync($"/api/claims/{duplicate.Id}/dismiss", new { duplicateOf = original.Id });
        Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        var details = await ClaimWorkflowScenario.GetClaim(desk.Editor, duplicate.Id);
        Assert.Equal((ClaimStatus.Dismissed, original.Id, null), (details.Claim.Status, details.Claim.DuplicateOfId, details.Claim.AssigneeId));

        var restored = await desk.Editor.PostAsync($"/api/claims/{duplicate.Id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        var history = await desk.Editor.GetFromJsonAsync<List<ClaimEventResponse>>($"/api/claims/{duplicate.Id}/history", ClaimWorkflowScenario.Json);
        // Queued again, it may already be assigned again by the time the history is read.
        var transitions = history!.Where(e => e.Kind == ClaimEventKind.StatusChanged).Select(e => $"{e.From}>{e.To}").ToList();
        var dismissal = transitions.LastIndexOf("Assigned>Dismissed");
        Assert.True(dismissal >= 0, string.Join(", ", transitions));
        Assert.Equal("Dismissed>Queued", transitions.ElementAtOrDefault(dismissal + 1));
    }
}
