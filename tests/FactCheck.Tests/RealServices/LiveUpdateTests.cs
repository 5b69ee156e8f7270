using System.Collections.Concurrent;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Web.Live;
using FactCheck.Workflow.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.RealServices;

/// <summary>Open pages refresh on claim changes made anywhere: every web instance hears every change.</summary>
[Trait("Category", "RealServices")]
public sealed class LiveUpdateTests
{
    [Fact]
    public async Task Every_web_instance_hears_every_claim_change_made_through_any_of_them()
    {
        await using var first = new FactCheckApp(await TestStack.RealAsync());
        await using var second = new FactCheckApp(first.Stack, ownsStack: false);
        await first.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
        await first.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        _ = second.Server;
        var heardByFirst = Listen(first);
        var heardBySecond = Listen(second);

        using var editor = await first.ClientForAsync("eddie@newsroom.test");
        var accepted = await (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).Content.ReadFromJsonAsync<ArticleAccepted>();
        var claims = await AssignedArticle.StoredClaimsAsync(first, accepted!.ArticleId, timeout: TimeSpan.FromSeconds(60));

        // Both instances' temporary queues got every transition to Assigned (a shared queue would split them).
        var assigned = claims.Select(c => c.Id).ToHashSet();
        foreach (var heard in new[] { heardByFirst, heardBySecond })
        {
            await Eventually.Until(
                () => Task.FromResult(heard.Where(c => c.Status == nameof(ClaimStatus.Assigned)).Select(c => c.ClaimId!.Value).ToHashSet()),
                ids => ids.IsSupersetOf(assigned), TimeSpan.FromSeconds(10), "every Assigned change on each instance");
        }

        Assert.Contains(heardBySecond, c => c.ClaimId is null && c.ArticleId == accepted!.ArticleId);
    }

    private static ConcurrentBag<ClaimChange> Listen(FactCheckApp app)
    {
        var heard = new ConcurrentBag<ClaimChange>();
        app.Services.GetRequiredService<ClaimFeed>().Changed += heard.Add;
        return heard;
    }
}
