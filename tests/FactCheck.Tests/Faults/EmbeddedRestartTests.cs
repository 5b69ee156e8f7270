using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Faults;

/// <summary>
/// The embedded default (SQLite, in-memory bus) as a process of its own, stopped mid-flight and
/// started again: while articles are being submitted, while their claims are being extracted, and
/// while claims are being assigned. Every article answered 202 ends up stored, with its claims
/// extracted once and each claim queued and assigned once. The in-memory bus loses what it holds
/// at every stop; what the outbox relayed and nobody committed goes again at start-up.
/// </summary>
public sealed class EmbeddedRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Articles = 40;
    private const string AdminEmail = "admin@newsroom.test";
    private const string Password = "Restart-test-password-1";

    private readonly string _folder = Directory.CreateTempSubdirectory("factcheck-embedded-").FullName;

    public enum Stop
    {
        Kill,
        Terminate,
    }

    private string DatabaseFile => Path.Combine(_folder, "factcheck.db");

    [Theory(Timeout = OutageTests.FaultTimeout)]
    [InlineData(Stop.Kill)]
    [InlineData(Stop.Terminate)]
    public async Task Every_accepted_article_is_stored_with_its_claims_queued_and_assigned_once_across_stops(Stop stop)
    {
        // By edition: the article's id once answered 202. A client whose request was cut off sends it
        // again with the same Idempotency-Key, so an article stored before the stop is not doubled.
        var accepted = new Guid?[Articles];

        // 1. Stopped while submissions are arriving: those answered 202 must not be lost.
        await using (var web = await StartAsync())
        {
            using var admin = await web.SignInAsync(AdminEmail, Password);
            for (var i = 0; i < 6; i++)
            {
                var created = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest($"reviewer{i}@newsroom.test", Password, $"Reviewer {i}", ["Reviewer"], [], ["en"], 500));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            // Four at a time; the stop comes the moment the tenth is answered, with more on the way.
            using var senders = new SemaphoreSlim(4);
            var tenth = new TaskCompletionSource();
            var answered = 0;
            var answers = Enumerable.Range(0, Articles).Select(async i =>
            {
                await senders.WaitAsync();
                try
                {
                    accepted[i] = await SubmitAsync(admin, i);
                    if (accepted[i] is not null && Interlocked.Increment(ref answered) == 10)
                        tenth.TrySetResult();
                }
                finally
                {
                    senders.Release();
                }
            }).ToList();
            await tenth.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await StopAsync(web, stop);
            await Task.WhenAll(answers);
        }

        var atFirstStop = await CountAsync();
        var acceptedAtFirstStop = accepted.Count(id => id is not null);
        output.WriteLine($"stop 1 ({stop}) during submissions: {acceptedAtFirstStop} of {Articles} answered 202; {atFirstStop}");

        // 2. Stopped while claims are being extracted (the rest of the articles submitted first).
        await using (var web = await StartAsync())
        {
            using var admin = await web.SignInAsync(AdminEmail, Password);
            await Task.WhenAll(Enumerable.Range(0, Articles).Where(i => accepted[i] is null).Select(async i => accepted[i] = await SubmitAsync(admin, i)));
            Assert.All(accepted, id => Assert.NotNull(id));
            Assert.Equal(Articles, accepted.Distinct().Count());
            await Eventually.Until(CountAsync, c => c.ArticlesWithClaims >= atFirstStop.ArticlesWithClaims + 3, TimeSpan.FromSeconds(90), "three more articles to get their claims");
            await StopAsync(web, stop);
        }

        var atSecondStop = await CountAsync();
        output.WriteLine($"stop 2 ({stop}) during extraction: {atSecondStop}");

        // 3. Stopped while claims are being assigned, if any are still waiting; then left to finish.
        await using (var web = await StartAsync())
        {
            await Eventually.Until(CountAsync, c => c.Assigned > atSecondStop.Assigned, TimeSpan.FromSeconds(90), "assignment to resume");
            await StopAsync(web, stop);
        }

        var atThirdStop = await CountAsync();
        output.WriteLine($"stop 3 ({stop}) during assignment: {atThirdStop}");

        await using (var web = await StartAsync())
        {
            var done = await Eventually.Until(CountAsync, c => c.ArticlesWithClaims == Articles && c.Claims == c.Assigned && c.Unsettled == 0, TimeSpan.FromSeconds(120), "every article's claims to be extracted and assigned, and every relayed message handled");
            output.WriteLine($"finished: {done}");
        }

        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, $"Data Source={DatabaseFile}");
        var articles = await db.Articles.AsNoTracking().Select(a => a.Id).ToListAsync();
        Assert.Equal(accepted.OfType<Guid>().Order(), articles.Order());
        var claims = await db.Claims.AsNoTracking().Include(c => c.History).ToListAsync();
        var perArticle = claims.GroupBy(c => c.ArticleId).Select(g => g.Count()).Distinct().ToList();
        Assert.True(perArticle.Count == 1 && perArticle[0] >= 10, $"claims per article (the same text each time): {string.Join(", ", perArticle)}");
        Assert.All(claims, c => Assert.Equal(
            ["New>Queued", "Queued>Assigned"],
            c.History.Where(e => e.Kind == ClaimEventKind.StatusChanged).OrderBy(e => e.OccurredAt).Select(e => $"{e.From}>{e.To}")));
        Assert.Equal(Articles, await db.Outbox.CountAsync(m => m.MessageType == "factcheck.claims-extracted.v1"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<WebProcess> StartAsync() => WebProcess.StartAsync(
        new Dictionary<string, string>
        {
            ["ConnectionStrings__FactCheck"] = $"Data Source={DatabaseFile}",
            ["FactCheck__Demo__Seed"] = "false",
            ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
            ["FactCheck__Bootstrap__AdminPassword"] = Password,
            ["Logging__LogLevel__Default"] = "Warning",
        },
        output);

    private static Task StopAsync(WebProcess web, Stop stop) => stop == Stop.Kill ? web.KillAsync() : web.TerminateAsync();

    /// <summary>The article's id when it was answered 202; null when the stop cut the request off.</summary>
    private static async Task<Guid?> SubmitAsync(HttpClient client, int i)
    {
        try
        {
            var article = new SubmitArticleRequest($"Special forces in Iraq, edition {i}", SampleArticle.Text, "The Canadian Press", null, "Lee Berthiaume", null, "en", "defence");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
            request.Headers.Add("Idempotency-Key", $"edition-{i}");
            var response = await client.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Accepted ? (await response.Content.ReadFromJsonAsync<ArticleAccepted>())!.ArticleId : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task<Progress> CountAsync()
    {
        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, $"Data Source={DatabaseFile}");
        return new Progress(
            await db.Articles.CountAsync(),
            await db.Articles.CountAsync(a => db.Claims.Any(c => c.ArticleId == a.Id)),
            await db.Claims.CountAsync(),
            await db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned),
            await db.Outbox.CountAsync(m => m.SettledAt == null));
    }

    private sealed record Progress(int Articles, int ArticlesWithClaims, int Claims, int Assigned, int Unsettled);
}
