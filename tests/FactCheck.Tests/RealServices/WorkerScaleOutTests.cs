using System.Diagnostics;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.RealServices;

/// <summary>The web app serves the API only; a separate FactCheck.Worker process does the consuming and the jobs.</summary>
[Trait("Category", "RealServices")]
public sealed class WorkerScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_process_consumes_what_an_api_only_web_app_submits_and_no_demo_users_exist_outside_embedded_mode()
    {
        await using var app = new FactCheckApp(await TestStack.RealAsync(), new Dictionary<string, string?>
        {
            ["FactCheck:Workflow:RunConsumers"] = "false",
            ["FactCheck:Workflow:RunJobs"] = "false",
            ["FactCheck:Demo:Seed"] = "true",
        });
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");

        var accepted = await (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).Content.ReadFromJsonAsync<ArticleAccepted>();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync()));

        using var worker = WorkerProcess.Start(app.Stack);
        try
        {
            var clock = Stopwatch.StartNew();
            // Ready (database and broker reachable), as the compose health check asks it.
            using var http = new HttpClient { BaseAddress = new Uri(worker.HealthUrl) };
            var ready = await Eventually.Until(
                async () => { try { return await http.GetStringAsync("/health/ready"); } catch (HttpRequestException) { return ""; } },
                body => body.Contains("\"status\":\"Healthy\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the worker to report ready");
            Assert.Contains("\"database\"", ready, StringComparison.Ordinal);
            Assert.Contains("masstransit", ready, StringComparison.OrdinalIgnoreCase);
            var claims = await AssignedArticle.StoredClaimsAsync(app, accepted!.ArticleId, "the worker to extract and assign the claims", TimeSpan.FromSeconds(90));
            output.WriteLine($"worker: {claims.Count} claims assigned {clock.ElapsedMilliseconds} ms after it was started");
        }
        finally
        {
            await worker.KillAsync();
            output.WriteLine(await worker.OutputAsync());
        }

        await app.WithScopeAsync(async services =>
            Assert.Null(await services.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("editor@factcheck.local")));
    }
}
