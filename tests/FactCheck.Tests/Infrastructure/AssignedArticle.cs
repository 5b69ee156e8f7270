using System.Net.Http.Json;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Infrastructure;

/// <summary>Waits for an article to come through the pipeline: extracted, and every claim of it assigned to a reviewer.</summary>
public static class AssignedArticle
{
    private const string Default = "the article's claims to be assigned";

    /// <summary>Submits <paramref name="article"/> through the API and waits for its claims to be assigned.</summary>
    public static async Task<ArticleResponse> SubmitAsync(HttpClient editor, object article, string what = Default, TimeSpan? timeout = null)
    {
        var submitted = await editor.PostAsJsonAsync("/api/articles", article);
        var accepted = (await submitted.Content.ReadFromJsonAsync<ArticleAccepted>(ClaimWorkflowScenario.Json))!;
        return await WaitAsync(editor, accepted.Location, what, timeout);
    }

    /// <summary>Reads the article at <paramref name="location"/> until it has claims and all are assigned.</summary>
    public static async Task<ArticleResponse> WaitAsync(HttpClient client, string location, string what = Default, TimeSpan? timeout = null) =>
        (await Eventually.Until(
            async () => (await client.GetAsync(location)) is { IsSuccessStatusCode: true } r ? await r.Content.ReadFromJsonAsync<ArticleResponse>(ClaimWorkflowScenario.Json) : null,
            a => a is { Claims.Count: > 0 } && a.Claims.All(c => c.Status == ClaimStatus.Assigned),
            timeout,
            what))!;

    /// <summary>The article's claims as stored, once there are some and all are assigned (for articles that did not come through the API).</summary>
    public static Task<List<Claim>> StoredClaimsAsync(FactCheckApp app, Guid articleId, string what = Default, TimeSpan? timeout = null) =>
        Eventually.Until(
            () => app.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.ArticleId == articleId).ToListAsync()),
            c => c.Count > 0 && c.All(x => x.Status == ClaimStatus.Assigned),
            timeout,
            what);
}
