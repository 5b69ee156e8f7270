using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactCheck.Tests.Faults;

/// <summary>The broker or the database goes away for a few seconds mid-run: nothing is lost and the service recovers by itself.</summary>
[Trait("Category", "RealServices")]
public sealed class OutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private FactCheckApp _app = null!;
    private HttpClient _editor = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new FactCheckApp(await TestStack.RealAsync(), output: output, logLevel: LogLevel.Warning);
        for (var i = 0; i < 4; i++)
            await _app.CreateUserAsync($"reviewer{i}@newsroom.test", $"Reviewer {i}", ["Reviewer"], capacity: 200);
        await _app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        _editor = await _app.ClientForAsync("eddie@newsroom.test");
    }

    public async ValueTask DisposeAsync()
    {
        _editor?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    /// <summary>A fault test that hangs fails with what it last wrote, instead of holding up the run.</summary>
    public const int FaultTimeout = 5 * 60 * 1000;

    [Fact(Timeout = FaultTimeout)]
    public async Task The_broker_stops_and_starts_mid_run_submissions_meanwhile_are_kept_and_every_claim_is_assigned()
    {
        await SubmitAsync(4);
        await FirstAssignmentAsync();
        output.WriteLine("stopping the broker");
        var clock = Stopwatch.StartNew();
        var restarted = await TestStack.StopBrokerAsync(Outage);

        // The API keeps taking articles: they wait in the outbox.
        await SubmitAsync(4);
        output.WriteLine("submitted 4 articles while the broker is down");
        await Eventually.Until(ReadyStatusAsync, s => s == HttpStatusCode.ServiceUnavailable, Outage, "readiness to report the broker down");
        await restarted;
        output.WriteLine("broker started again");

        var down = clock.Elapsed;
        await AllAssignedAsync(8, down);
        await Eventually.Until(ReadyStatusAsync, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "readiness to recover");
        await NothingInErrorQueuesAsync();
        output.WriteLine("nothing in the error queues");
    }

    [Fact(Timeout = FaultTimeout)]
    public async Task The_database_goes_away_for_a_few_seconds_mid_run_and_every_claim_is_still_assigned()
    {
        await SubmitAsync(8);
        await FirstAssignmentAsync();
        await _app.Stack.SetDatabaseOnlineAsync(false);
        var clock = Stopwatch.StartNew();
        try
        {
            // Refused with a clear status, not a hang or a crash.
            var refused = await _editor.PostAsJsonAsync("/api/articles", SampleArticle.Request());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
            Assert.Contains("nothing was saved", (await refused.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail, StringComparison.Ordinal);
            await Eventually.Until(ReadyStatusAsync, s => s == HttpStatusCode.ServiceUnavailable, Outage, "readiness to report the database down");
            await Task.Delay(Outage - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        }
        finally
        {
            await _app.Stack.SetDatabaseOnlineAsync(true);
        }

        await AllAssignedAsync(8, clock.Elapsed);
        await Eventually.Until(ReadyStatusAsync, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "readiness to recover");
        await NothingInErrorQueuesAsync();
    }

    private async Task SubmitAsync(int articles)
    {
        for (var i = 0; i < articles; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await _editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).StatusCode);
    }

    private Task<int> FirstAssignmentAsync() => Eventually.Until(
        () => _app.WithDbAsync(db => db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned)), n => n > 0, TimeSpan.FromSeconds(60), "the first assignment");

    private async Task AllAssignedAsync(int articles, TimeSpan down)
    {
        var recovery = Stopwatch.StartNew();
        var (_, claims) = await Eventually.Until(
            async () =>
            {
                var all = await _app.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.History).ToListAsync());
                var stored = await _app.WithDbAsync(db => db.Articles.CountAsync());
                var pending = await _app.WithDbAsync(db => db.Outbox.CountAsync(m => m.DispatchedAt == null));
                var summary = $"{stored} articles stored, {all.Select(x => x.ArticleId).Distinct().Count()} with claims; "
                    + string.Join(", ", all.GroupBy(x => x.Status).Select(g => $"{g.Count()} {g.Key}")) + $"; {pending} outbox messages not relayed";
                return (Summary: summary, Claims: all);
            },
            c => c.Claims.Select(x => x.ArticleId).Distinct().Count() == articles && c.Claims.All(x => x.Status == ClaimStatus.Assigned),
            TimeSpan.FromSeconds(120), $"every claim of the {articles} articles to be assigned");
        output.WriteLine($"down {down.TotalSeconds:F1} s; all {claims.Count} claims assigned {recovery.ElapsedMilliseconds} ms after it came back");
        Assert.Equal(articles, await _app.WithDbAsync(db => db.Articles.CountAsync()));
        Assert.Single(claims.GroupBy(c => c.ArticleId).Select(a => a.Count()).Distinct());
        Assert.All(claims, c => Assert.Single(c.History, e => e.To == "Assigned"));
    }

    /// <summary>As an orchestrator's probe asks: an answer that takes longer than 3 s counts as not ready.</summary>
    private async Task<HttpStatusCode> ReadyStatusAsync()
    {
        using var client = _app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(3);
        try
        {
            return (await client.GetAsync("/health/ready")).StatusCode;
        }
        catch (TaskCanceledException)
        {
            output.WriteLine("readiness did not answer within 3 s");
            return HttpStatusCode.GatewayTimeout;
        }
    }

    private async Task NothingInErrorQueuesAsync()
    {
        var failed = await _app.Services.GetRequiredService<ErrorQueues>().ListAsync(CancellationToken.None);
        Assert.True(failed.Count == 0, "in error queues: " + string.Join("; ", failed.Select(f => $"{f.ErrorQueue}: {f.Reason}")));
    }
}
