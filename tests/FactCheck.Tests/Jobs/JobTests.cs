using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Tests.Infrastructure;
using FactCheck.Tests.Messaging;
using FactCheck.Web.Api;
using FactCheck.Workflow;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Jobs;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Sources;
using Hangfire;
using Hangfire.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Jobs;

/// <summary>
/// The background jobs against a real database. The Hangfire server is off in this app so each test
/// runs a job exactly when it wants; one test checks the recurring jobs are registered where it is on.
/// </summary>
public sealed class JobTests : IAsyncLifetime
{
    private readonly FactCheckApp _app = new(TestStack.Embedded(), new Dictionary<string, string?>
    {
        ["FactCheck:Workflow:RunJobs"] = "false",
        ["FactCheck:LinkCheck:AllowPrivateNetworks"] = "true",
        ["FactCheck:LinkCheck:Enabled"] = "true",
    });

    private string _reviewerId = "";
    private ArticleResponse _article = null!;

    public async ValueTask InitializeAsync()
    {
        _reviewerId = await _app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["defence"], capacity: 100);
        await _app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await _app.ClientForAsync("eddie@newsroom.test");
        _article = await AssignedArticle.SubmitAsync(editor, SampleArticle.Request());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<T> Run<T>(Func<IServiceProvider, Task<T>> job)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await job(scope.ServiceProvider);
    }

    private Task<int> SetOnClaim(Guid id, Func<IQueryable<Claim>, Task<int>> update) =>
        _app.WithDbAsync(db => update(db.Claims.Where(c => c.Id == id)));

    private Task<Claim> Load(Guid id) => _app.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.History).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task The_sweep_returns_an_expired_lease_to_the_queue_and_reassigns_it_when_someone_has_room()
    {
        var claimId = _article.Claims[0].Id;
        await SetOnClaim(claimId, q => q.ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        await _app.WithDbAsync(db => db.Reviewers.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsAvailable, false)));

        using var requeuedEvents = new ReceiveCounter<AssignClaimConsumer>(_app.Services.GetRequiredService<IBus>());
        var (expired, assigned) = await Run(sp => sp.GetRequiredService<LeaseSweepJob>().RunAsync(CancellationToken.None));
        Assert.Equal((1, 0), (expired, assigned));
        // The assignment consumer also hears of the requeued claim; let it find nobody before anyone is back.
        await requeuedEvents.WaitFor(1);
        var requeued = await Load(claimId);
        Assert.Equal((ClaimStatus.Queued, null), (requeued.Status, requeued.AssigneeId));
        Assert.Contains(requeued.History, e => e.Kind == ClaimEventKind.StatusChanged && e.To == "Queued" && e.Reason == $"lease of {_reviewerId} expired");

        await _app.WithDbAsync(db => db.Reviewers.ExecuteUpdateAsync(s => s.SetProperty(r => r.IsAvailable, true)));
        Assert.Equal((0, 1), await Run(sp => sp.GetRequiredService<LeaseSweepJob>().RunAsync(CancellationToken.None)));
        var reassigned = await Load(claimId);
        Assert.Equal((ClaimStatus.Assigned, _reviewerId), (reassigned.Status, reassigned.AssigneeId));
        Assert.True(reassigned.LeaseExpiresAt > DateTime.UtcNow);

        Assert.Equal((0, 0), await Run(sp => sp.GetRequiredService<LeaseSweepJob>().RunAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_goes_to_another_reviewer_who_fits()
    {
        // Remy is busier than Rita relative to capacity, so by load alone Rita would get the claim back.
        var remy = await _app.CreateUserAsync("remy@newsroom.test", "Remy Reviewer", ["Reviewer"], ["defence"], capacity: 5);
        await SetOnClaim(_article.Claims[7].Id, q => q.ExecuteUpdateAsync(s => s.SetProperty(c => c.AssigneeId, remy)));
        await _app.WithDbAsync(db => db.Reviewers.Where(r => r.UserId == _reviewerId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Capacity, 10_000)));
        var claimId = _article.Claims[6].Id;
        await SetOnClaim(claimId, q => q.ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        Assert.Equal((1, 1), await Run(sp => sp.GetRequiredService<LeaseSweepJob>().RunAsync(CancellationToken.None)));
        var reassigned = await Load(claimId);
        Assert.Equal((ClaimStatus.Assigned, remy), (reassigned.Status, reassigned.AssigneeId));
    }

    [Fact]
    public async Task The_sla_job_raises_claims_due_soon_once_and_flags_overdue_ones()
    {
        var soon = _article.Claims[1];
        var late = _article.Claims[2];
        await SetOnClaim(soon.Id, q => q.ExecuteUpdateAsync(s => s.SetProperty(c => c.DueAt, DateTime.UtcNow.AddHours(1))));
        await SetOnClaim(late.Id, q => q.ExecuteUpdateAsync(s => s.SetProperty(c => c.DueAt, DateTime.UtcNow.AddHours(-1))));

        var first = await Run(sp => sp.GetRequiredService<SlaJob>().RunAsync(CancellationToken.None));
        Assert.Equal((2, 1), first);
        var raised = await Load(soon.Id);
        Assert.Equal((Math.Min(100, soon.Priority + 20), true, false), (raised.Priority, raised.IsEscalated, raised.IsOverdue));
        var overdue = await Load(late.Id);
        Assert.True(overdue.IsOverdue);
        Assert.Contains(overdue.History, e => e.Kind == ClaimEventKind.MarkedOverdue);

        Assert.Equal((0, 0), await Run(sp => sp.GetRequiredService<SlaJob>().RunAsync(CancellationToken.None)));
        Assert.Equal(raised.Priority, (await Load(soon.Id)).Priority);
    }

    [Fact]
    public async Task A_link_check_records_status_and_content_hash_and_fails_for_a_retry_on_server_errors()
    {
        await using var site = await LocalSite.StartAsync();
        using var reviewer = await _app.ClientForAsync("rita@newsroom.test");
        var claimId = _article.Claims[3].Id;
        async Task<Guid> Attach(string path) =>
            (await (await reviewer.PostAsJsonAsync($"/api/claims/{claimId}/sources", new { url = site.Url(path), stance = "Context" }))
                .Content.ReadFromJsonAsync<SourceResponse>(ClaimWorkflowScenario.Json))!.Id;
        var alive = await Attach("/report");
        var missing = await Attach("/missing");
        var broken = await Attach("/broken");

        async Task Check(Guid id) => await Run(async sp => { await sp.GetRequiredService<LinkCheckJob>().CheckAsync(id, CancellationToken.None); return 0; });
        await Check(alive);
        await Check(missing);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Check(broken));

        var sources = await _app.WithDbAsync(db => db.Sources.AsNoTracking().Where(s => s.ClaimId == claimId).ToDictionaryAsync(s => s.Id));
        Assert.Equal((LinkStatus.Alive, 200), (sources[alive].LinkStatus, sources[alive].HttpStatus));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LocalSite.Report))), sources[alive].ContentHash);
        Assert.Equal((LinkStatus.Dead, 404, 1), (sources[missing].LinkStatus, sources[missing].HttpStatus, sources[missing].CheckAttempts));
        Assert.Equal((LinkStatus.Dead, 500), (sources[broken].LinkStatus, sources[broken].HttpStatus));

        var attribute = typeof(LinkCheckJob).GetMethod(nameof(LinkCheckJob.CheckAsync))!.GetCustomAttributes(typeof(AutomaticRetryAttribute), false).Cast<AutomaticRetryAttribute>().Single();
        Assert.True(attribute.Attempts > 0 && attribute.DelaysInSeconds.SequenceEqual(attribute.DelaysInSeconds.Order()), "link checks are retried with growing delays");
    }

    [Fact]
    public async Task A_link_to_a_private_address_is_refused_without_being_fetched()
    {
        await using var site = await LocalSite.StartAsync();
        using var reviewer = await _app.ClientForAsync("rita@newsroom.test");
        var claimId = _article.Claims[4].Id;
        var source = await (await reviewer.PostAsJsonAsync($"/api/claims/{claimId}/sources", new { url = site.Url("/report"), stance = "Context" }))
            .Content.ReadFromJsonAsync<SourceResponse>(ClaimWorkflowScenario.Json);

        await Run(async sp =>
        {
            // As production wires it when private networks are not allowed: every connection goes through the guard.
            var job = new LinkCheckJob(sp.GetRequiredService<FactCheckDbContext>(), new GuardedClients(), sp.GetRequiredService<IBackgroundJobClient>(),
                Options.Create(new LinkCheckOptions { AllowPrivateNetworks = false }), TimeProvider.System, NullLogger<LinkCheckJob>.Instance);
            await job.CheckAsync(source!.Id, CancellationToken.None);
            return 0;
        });

        var stored = await _app.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Id == source!.Id));
        Assert.Equal((LinkStatus.Refused, null), (stored.LinkStatus, stored.HttpStatus));
        Assert.Equal(0, site.Requests);
    }

    [Fact]
    public async Task Every_connection_of_a_link_check_including_redirects_refuses_private_addresses()
    {
        await using var site = await LocalSite.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = PublicNetwork.ConnectAsync });

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(site.Url("/report"), TestContext.Current.CancellationToken));
        Assert.IsType<PrivateAddressException>(refused.InnerException);
        Assert.Equal(0, site.Requests);
    }

    [Fact]
    public async Task Attaching_a_source_enqueues_its_link_check_in_hangfire()
    {
        using var reviewer = await _app.ClientForAsync("rita@newsroom.test");
        var claimId = _article.Claims[5].Id;
        await reviewer.PostAsJsonAsync($"/api/claims/{claimId}/sources", new { url = "https://example.org/enqueued", stance = "Supports" });

        var storage = _app.Services.GetRequiredService<JobStorage>();
        await Eventually.Until(
            () => Task.FromResult(storage.GetMonitoringApi().EnqueuedJobs("default", 0, 100).Count(j => j.Value.Job.Type == typeof(LinkCheckJob))),
            n => n >= 1, what: "a link check job in Hangfire");
    }

    [Fact]
    public async Task A_job_server_registers_the_recurring_sweeps()
    {
        await using var app = new FactCheckApp(TestStack.Embedded());
        _ = app.Server;
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().Select(j => j.Id).ToList();
        Assert.Superset(new HashSet<string> { "lease-sweep", "sla", "cleanup", "webhook-sweep" }, recurring.ToHashSet());
    }

    [Fact]
    public async Task Link_checks_lost_with_in_memory_job_storage_are_queued_again_and_run_at_the_next_start()
    {
        await using var site = await LocalSite.StartAsync();
        using var reviewer = await _app.ClientForAsync("rita@newsroom.test");
        var claimId = _article.Claims[6].Id;
        var sources = new List<Guid>();
        foreach (var path in new[] { "/report", "/missing" })
        {
            var response = await reviewer.PostAsJsonAsync($"/api/claims/{claimId}/sources", new { url = site.Url(path), stance = "Context" });
            sources.Add((await response.Content.ReadFromJsonAsync<SourceResponse>(ClaimWorkflowScenario.Json))!.Id);
        }

        // Checked already: not queued again.
        await Run(async sp => { await sp.GetRequiredService<LinkCheckJob>().CheckAsync(sources[1], CancellationToken.None); return 0; });
        var queued = await Run(sp => sp.GetRequiredService<LinkCheckJob>().ResumeAsync(CancellationToken.None));
        Assert.Contains(sources[0], queued);
        Assert.DoesNotContain(sources[1], queued);
        var enqueued = _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            .Where(j => j.Value.Job.Type == typeof(LinkCheckJob) && j.Value.Job.Method.Name == nameof(LinkCheckJob.CheckAsync))
            .Select(j => (Guid)j.Value.Job.Args[0]);
        Assert.Contains(sources[0], enqueued);

        // The same database under a new process whose job server runs: the lost check runs.
        await using var restarted = new FactCheckApp(_app.Stack, ownsStack: false, settings: new Dictionary<string, string?>
        {
            ["FactCheck:LinkCheck:AllowPrivateNetworks"] = "true",
            ["FactCheck:LinkCheck:Enabled"] = "true",
            ["FactCheck:Demo:Seed"] = "false",
        });
        _ = restarted.Server;
        var checkedSource = await Eventually.Until(
            () => restarted.WithDbAsync(db => db.Sources.AsNoTracking().SingleAsync(s => s.Id == sources[0])),
            s => s.LinkStatus != LinkStatus.Unchecked, what: "the lost link check to run after the restart");
        Assert.Equal((LinkStatus.Alive, 200), (checkedSource.LinkStatus, checkedSource.HttpStatus));
    }

    [Fact]
    public async Task Cleanup_forgets_what_is_past_its_retention_and_keeps_the_rest()
    {
        var now = DateTime.UtcNow;
        var old = now - CleanupJob.Retention - TimeSpan.FromHours(1);
        var recent = now - TimeSpan.FromHours(1);
        var (oldKey, recentKey) = ($"old-{Guid.NewGuid():N}", $"recent-{Guid.NewGuid():N}");
        var (oldRow, unsettledRow) = (Guid.NewGuid(), Guid.NewGuid());
        var (oldInbox, recentInbox) = (Guid.NewGuid(), Guid.NewGuid());
        await _app.WithDbAsync(async db =>
        {
            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord(oldKey, _reviewerId, "h", Guid.NewGuid(), old),
                new IdempotencyRecord(recentKey, _reviewerId, "h", Guid.NewGuid(), recent));
            db.Outbox.AddRange(
                new OutboxMessage(oldRow, "test", "{}", old) { DispatchedAt = old, SettledAt = old },
                new OutboxMessage(unsettledRow, "test", "{}", old) { DispatchedAt = old });
            db.Inbox.AddRange(new InboxEntry(oldInbox, "test", old), new InboxEntry(recentInbox, "test", recent));
            return await db.SaveChangesAsync();
        });

        await Run(async sp => { await sp.GetRequiredService<CleanupJob>().RunAsync(CancellationToken.None); return 0; });

        var keys = await _app.WithDbAsync(db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
        Assert.DoesNotContain(oldKey, keys);
        Assert.Contains(recentKey, keys);
        var rows = await _app.WithDbAsync(db => db.Outbox.Select(m => m.MessageId).ToListAsync());
        Assert.DoesNotContain(oldRow, rows);
        Assert.Contains(unsettledRow, rows);
        var inbox = await _app.WithDbAsync(db => db.Inbox.Select(i => i.MessageId).ToListAsync());
        Assert.DoesNotContain(oldInbox, inbox);
        Assert.Contains(recentInbox, inbox);
    }

    private sealed class GuardedClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new SocketsHttpHandler { ConnectCallback = PublicNetwork.ConnectAsync });
    }

    /// <summary>A real HTTP server on loopback to check links against.</summary>
    private sealed class LocalSite : IAsyncDisposable
    {
        public const string Report = "<html><body>176 people were aboard.</body></html>";
        private readonly WebApplication _app;
        private int _requests;

        private LocalSite(WebApplication app) => _app = app;

        public int Requests => _requests;

        public static async Task<LocalSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var site = new LocalSite(app);
            app.Use((context, next) => { Interlocked.Increment(ref site._requests); return next(context); });
            app.MapGet("/report", () => Results.Content(Report, "text/html"));
            app.MapGet("/broken", () => Results.StatusCode(500));
            await app.StartAsync();
            return site;
        }

        public string Url(string path) => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + path;

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
