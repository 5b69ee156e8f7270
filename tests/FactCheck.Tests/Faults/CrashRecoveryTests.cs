using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Faults;

/// <summary>
/// The worker dies mid-run (SIGKILL: no shutdown, leases and unacknowledged messages left behind)
/// with about a thousand claims in flight. Restarted, it finishes the work: every claim reaches its
/// state once, and integrators see every transition, repeats only as the same message id.
/// </summary>
[Trait("Category", "RealServices")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Articles = 56; // the sample article has 18 claims: about a thousand in all
    private const string StatusExchange = "factcheck.claim-status-changed.v1";

    [Fact(Timeout = OutageTests.FaultTimeout)]
    public async Task A_worker_killed_with_a_thousand_claims_in_flight_recovers_on_restart_and_every_claim_is_assigned_exactly_once()
    {
        await using var app = new FactCheckApp(await TestStack.RealAsync(), new Dictionary<string, string?>
        {
            ["FactCheck:Workflow:RunConsumers"] = "false",
            ["FactCheck:Workflow:RunJobs"] = "false",
        }, output: output);
        for (var i = 0; i < 8; i++)
            await app.CreateUserAsync($"reviewer{i}@newsroom.test", $"Reviewer {i}", ["Reviewer"], capacity: 200);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        await using var integrator = await IntegratorQueue.StartAsync(app.Stack.RabbitMq!, StatusExchange);

        using var first = WorkerProcess.Start(app.Stack);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Articles; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).StatusCode);

        // Kill it once a good part of the work is done and the rest is under way.
        try
        {
            await Eventually.Until(
                () => app.WithDbAsync(db => db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned)),
                n => n >= 300, TimeSpan.FromSeconds(120), "300 claims to be assigned before the kill");
        }
        catch (TimeoutException)
        {
            // What the worker said is the first thing to read when it did nothing.
            await first.KillAsync();
            output.WriteLine($"worker exited: {first.HasExited}; its output:\n{await first.OutputAsync()}");
            throw;
        }
        await first.KillAsync();
        var claimsAtKill = await app.WithDbAsync(db => db.Claims.CountAsync());
        var assignedAtKill = await app.WithDbAsync(db => db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned));
        var articlesWithoutClaims = await app.WithDbAsync(db => db.Articles.CountAsync(a => !db.Claims.Any(c => c.ArticleId == a.Id)));
        output.WriteLine($"killed after {clock.ElapsedMilliseconds} ms: {assignedAtKill} claims assigned, {claimsAtKill} extracted, {articlesWithoutClaims} of {await app.WithDbAsync(db => db.Articles.CountAsync())} stored articles still without claims");

        using var second = WorkerProcess.Start(app.Stack);
        var recovery = Stopwatch.StartNew();
        await Eventually.Until(
            () => app.WithDbAsync(db => db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned)),
            n => n > assignedAtKill, TimeSpan.FromSeconds(60), "work to resume after the restart");
        output.WriteLine($"resumed: the first claim assigned {recovery.ElapsedMilliseconds} ms after the restart (process start and model load included)");
        List<Claim> claims;
        try
        {
            claims = await Eventually.Until(
                () => app.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.History).ToListAsync()),
                c => c.Select(x => x.ArticleId).Distinct().Count() == Articles && c.All(x => x.Status == ClaimStatus.Assigned),
                TimeSpan.FromSeconds(180), "every claim of every article to be assigned after the restart");
        }
        catch (Exception) when (!second.HasExited)
        {
            await DescribeStallAsync(app, second);
            throw;
        }

        output.WriteLine($"recovered: all {claims.Count} claims assigned {recovery.ElapsedMilliseconds} ms after the restart");

        // Once each: one article per submission, the same claims in each, one triage and one assignment per claim.
        Assert.Equal(Articles, await app.WithDbAsync(db => db.Articles.CountAsync()));
        var perArticle = claims.GroupBy(c => c.ArticleId).Select(a => a.Count()).ToList();
        Assert.True(perArticle.Distinct().Count() == 1 && perArticle[0] >= 10, $"claims per article: {string.Join(", ", perArticle.Distinct())}");
        Assert.All(claims, c =>
        {
            Assert.Equal(["New>Queued", "Queued>Assigned"], c.History.Where(e => e.Kind == ClaimEventKind.StatusChanged).OrderBy(e => e.OccurredAt).Select(e => $"{e.From}>{e.To}"));
            Assert.NotNull(c.AssigneeId);
        });
        Assert.All(claims.GroupBy(c => c.AssigneeId), held => Assert.True(held.Count() <= 200, $"{held.Key} holds {held.Count()} claims"));

        // Integrators: every transition arrives; a repeat (relayed again after the kill) has the same message id.
        var transitions = claims.Count * 2;
        var received = await Eventually.Until(
            () => Task.FromResult(integrator.Received),
            r => r.Select(m => m.MessageId).Distinct().Count() >= transitions, TimeSpan.FromSeconds(60), $"{transitions} distinct status events at the integrator");
        var byId = received.GroupBy(m => m.MessageId).ToList();
        Assert.Equal(transitions, byId.Count);
        Assert.All(byId, g => Assert.Single(g.Select(m => $"{m.Message.GetProperty("claimId").GetGuid()}:{m.Message.GetProperty("to").GetString()}").Distinct()));
        var seen = byId.Select(g => g.First().Message).Select(m => $"{m.GetProperty("claimId").GetGuid()}:{m.GetProperty("from").GetString()}>{m.GetProperty("to").GetString()}").ToHashSet();
        Assert.Equal(claims.SelectMany(c => new[] { $"{c.Id}:New>Queued", $"{c.Id}:Queued>Assigned" }).ToHashSet(), seen);
        output.WriteLine($"integrator: {received.Count} messages, {transitions} distinct, {received.Count - transitions} repeats (same message id)");

        await second.KillAsync();
    }

    /// <summary>Where the work stopped: the outbox, the queues, and what the worker said.</summary>
    private async Task DescribeStallAsync(FactCheckApp app, WorkerProcess worker)
    {
        var pending = await app.WithDbAsync(db => db.Outbox.Where(m => m.DispatchedAt == null)
            .GroupBy(m => m.LastError ?? "never tried").Select(g => new { Error = g.Key, Count = g.Count() }).ToListAsync());
        output.WriteLine("outbox not relayed: " + (pending.Count == 0 ? "none" : string.Join("; ", pending.Select(p => $"{p.Count} × {p.Error}"))));
        output.WriteLine("queues (ready, unacknowledged, consumers):" + Environment.NewLine + await app.Stack.DescribeQueuesAsync());
        await worker.KillAsync();
        output.WriteLine("worker output (last 100 lines):" + Environment.NewLine + string.Join(Environment.NewLine, (await worker.OutputAsync()).Split('\n').TakeLast(100)));
    }
}
