using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactCheck.Tests.Faults;

/// <summary>Races on PostgreSQL, where they really race: many reviewers taking work, two editors on one claim.</summary>
[Trait("Category", "RealServices")]
public sealed class ContentionTests(ITestOutputHelper output)
{
    private const int Reviewers = 20;
    private const int TakesEach = 5;

    /// <summary>Claims stay queued until a reviewer takes them: no assignment policy, no jobs.</summary>
    private async Task<FactCheckApp> QueueOnlyAppAsync() => new(await TestStack.RealAsync(), new Dictionary<string, string?>
    {
        ["FactCheck:Workflow:AutoAssign"] = "false",
        ["FactCheck:Workflow:RunJobs"] = "false",
    }, output: output);

    [Fact(Timeout = OutageTests.FaultTimeout)]
    public async Task A_hundred_concurrent_take_next_calls_over_a_thousand_queued_claims_hand_out_a_hundred_different_claims()
    {
        await using var app = await QueueOnlyAppAsync();
        var queued = await QueuedClaims.SeedAsync(app, 1000);
        var clients = new List<(string Id, HttpClient Client)>();
        for (var i = 0; i < Reviewers; i++)
        {
            var id = await app.CreateUserAsync($"reviewer{i}@newsroom.test", $"Reviewer {i}", ["Reviewer"], capacity: TakesEach);
            clients.Add((id, await app.ClientForAsync($"reviewer{i}@newsroom.test")));
        }

        using var start = new SemaphoreSlim(0);
        var takes = clients.SelectMany(c => Enumerable.Range(0, TakesEach).Select(async _ =>
        {
            await start.WaitAsync();
            return (c.Id, Response: await c.Client.PostAsync("/api/claims/next", null));
        })).ToList();
        start.Release(takes.Count);
        var results = await Task.WhenAll(takes);

        var failures = results.Where(r => r.Response.StatusCode != HttpStatusCode.OK).Select(r => $"{(int)r.Response.StatusCode}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Length} calls got no claim: {string.Join(", ", failures.GroupBy(f => f).Select(g => $"{g.Count()}× {g.Key}"))}");
        var taken = new List<(string Reviewer, ClaimSummary Claim)>();
        foreach (var (reviewer, response) in results)
            taken.Add((reviewer, (await response.Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json))!));

        Assert.Equal(taken.Count, taken.Select(t => t.Claim.Id).Distinct().Count());
        Assert.All(taken, t => Assert.Equal(t.Reviewer, t.Claim.AssigneeId));
        var stored = await app.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.History).Where(c => queued.Contains(c.Id)).ToListAsync());
        var assigned = stored.Where(c => c.Status == ClaimStatus.Assigned).ToList();
        Assert.Equal(taken.Select(t => t.Claim.Id).Order(), assigned.Select(c => c.Id).Order());
        Assert.All(assigned, c => Assert.Single(c.History, e => e.To == "Assigned"));
        Assert.All(assigned.GroupBy(c => c.AssigneeId), g => Assert.Equal(TakesEach, g.Count()));
        // The most urgent went first: nothing left in the queue outranks what was handed out.
        Assert.True(stored.Where(c => c.Status == ClaimStatus.Queued).Max(c => c.Priority) <= assigned.Min(c => c.Priority) + 1,
            "a less urgent claim was handed out while a more urgent one stayed queued");
        output.WriteLine($"{taken.Count} claims to {Reviewers} reviewers, no claim twice");
        foreach (var (_, client) in clients)
            client.Dispose();
    }

    [Fact(Timeout = OutageTests.FaultTimeout)]
    public async Task Take_next_passes_over_a_claim_another_transaction_is_taking_instead_of_waiting_for_it()
    {
        await using var app = await QueueOnlyAppAsync();
        var queued = await QueuedClaims.SeedAsync(app, 3); // priorities 0, 1, 2: the last is the most urgent
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 10);
        using var rita = await app.ClientForAsync("rita@newsroom.test");

        // Someone else is in the middle of taking the most urgent claim.
        await using var other = new NpgsqlConnection(app.Stack.ConnectionString);
        await other.OpenAsync();
        await using var taking = await other.BeginTransactionAsync();
        await using (var lockIt = new NpgsqlCommand("""SELECT "Id" FROM "Claims" WHERE "Id" = @id FOR UPDATE""", other, taking))
        {
            lockIt.Parameters.AddWithValue("id", queued[2]);
            await lockIt.ExecuteScalarAsync();
        }

        // Waiting on that row lock would outlast the transaction, which stays open until after the call.
        var response = await rita.PostAsync("/api/claims/next", null).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(queued[1], (await response.Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json))!.Id);
        await taking.RollbackAsync();
    }

    [Fact(Timeout = OutageTests.FaultTimeout)]
    public async Task Take_next_passes_over_the_reviewers_own_article_however_urgent_and_leaves_it_queued()
    {
        await using var app = await QueueOnlyAppAsync();
        // Ten more of her articles, due first: passing over them must not count as being outrun.
        var ownSingles = new List<Guid>();
        for (var i = 0; i < 10; i++)
            ownSingles.AddRange(await QueuedClaims.SeedAsync(app, 1, author: "Ada Author"));
        var own = await QueuedClaims.SeedAsync(app, 3, author: "Ada Author, Bo Byline");
        var others = await QueuedClaims.SeedAsync(app, 2, author: "Someone Else");
        await app.CreateUserAsync("ada@newsroom.test", "Ada Author", ["Reviewer"], capacity: 10);
        using var ada = await app.ClientForAsync("ada@newsroom.test");

        var taken = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var response = await ada.PostAsync("/api/claims/next", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            taken.Add((await response.Content.ReadFromJsonAsync<ClaimSummary>(ClaimWorkflowScenario.Json))!.Id);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await ada.PostAsync("/api/claims/next", null)).StatusCode);
        Assert.Equal(others.Order(), taken.Order());
        var ownStatuses = await app.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => own.Contains(c.Id) || ownSingles.Contains(c.Id)).Select(c => c.Status).ToListAsync());
        Assert.Equal(13, ownStatuses.Count);
        Assert.All(ownStatuses, s => Assert.Equal(ClaimStatus.Queued, s));
    }

    [Fact(Timeout = OutageTests.FaultTimeout)]
    public async Task Two_editors_changing_one_claim_at_once_one_wins_the_other_gets_409_and_can_apply_its_change_after_reading_again()
    {
        await using var app = await QueueOnlyAppAsync();
        var claimId = (await QueuedClaims.SeedAsync(app, 1))[0];
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        await app.CreateUserAsync("erin@newsroom.test", "Erin Editor", ["Editor"]);
        using var eddie = await app.ClientForAsync("eddie@newsroom.test");
        using var erin = await app.ClientForAsync("erin@newsroom.test");

        for (var round = 0; round < 20; round++)
        {
            var seen = await eddie.GetAsync($"/api/claims/{claimId}");
            var etag = seen.Headers.ETag!.Tag;
            var (eddiePriority, erinPriority) = (10 + round, 60 + round);
            var both = await Task.WhenAll(Change(eddie, eddiePriority), Change(erin, erinPriority));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());

            var winner = both[0].StatusCode == HttpStatusCode.OK ? eddiePriority : erinPriority;
            var (loserClient, loserPriority, loserResponse) = both[0].StatusCode == HttpStatusCode.OK ? (erin, erinPriority, both[1]) : (eddie, eddiePriority, both[0]);
            var problem = (await loserResponse.Content.ReadFromJsonAsync<ProblemDetails>())!;
            Assert.Contains("changed", problem.Detail, StringComparison.OrdinalIgnoreCase);
            var current = (await ClaimWorkflowScenario.GetClaim(eddie, claimId)).Claim;
            Assert.Equal(winner, current.Priority);

            // The loser reads the claim again and applies the change it meant to make.
            var again = await loserClient.GetAsync($"/api/claims/{claimId}");
            var retry = new HttpRequestMessage(HttpMethod.Put, $"/api/claims/{claimId}/priority") { Content = JsonContent.Create(new { priority = loserPriority }) };
            retry.Headers.IfMatch.Add(again.Headers.ETag!);
            Assert.Equal(HttpStatusCode.OK, (await loserClient.SendAsync(retry)).StatusCode);
            Assert.Equal(loserPriority, (await ClaimWorkflowScenario.GetClaim(eddie, claimId)).Claim.Priority);

            Task<HttpResponseMessage> Change(HttpClient client, int priority)
            {
                var request = new HttpRequestMessage(HttpMethod.Put, $"/api/claims/{claimId}/priority") { Content = JsonContent.Create(new { priority }) };
                request.Headers.IfMatch.ParseAdd(etag);
                return client.SendAsync(request);
            }
        }

        // Every change that won is in the history; none was lost or applied twice.
        var history = await app.WithDbAsync(db => db.ClaimEvents.AsNoTracking().Where(e => e.ClaimId == claimId && e.Kind == ClaimEventKind.PriorityChanged).CountAsync());
        Assert.Equal(40, history);
    }
}
