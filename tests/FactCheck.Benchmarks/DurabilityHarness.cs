using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Benchmarks;

/// <summary>
/// The embedded default (SQLite + in-memory bus) stopped with accepted work in flight, then started
/// again: how many articles answered 202 are stored, and how many got their claims, by a deadline
/// after the restart. Three runs: 40 accepted then SIGKILL; 20 sent at once and SIGTERM after the
/// tenth answer; 200 articles of 150 KB accepted then SIGTERM. <c>--web-dll</c> measures another
/// build of the web app the same way (an earlier commit, for a before/after).
/// </summary>
public static class DurabilityHarness
{
    private const string AdminEmail = "bench-admin@factcheck.local";
    private const string Password = "Bench-durability-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var settle = TimeSpan.FromSeconds(LoadHarness.IntOption(args, "settle", 90));
        var largeArticles = LoadHarness.IntOption(args, "large-articles", 200);
        var largeKb = LoadHarness.IntOption(args, "large-kb", 150);
        var dll = LoadHarness.Option(args, "web-dll") ?? Harness.WebDll;
        var article = await File.ReadAllTextAsync(BenchmarkData.Path("article.txt"));
        var large = Repeat(article, largeKb * 1024);

        Console.WriteLine($"FactCheck durability runs, embedded mode ({LoadHarness.MachineFacts()})");
        Console.WriteLine($"web app: {dll}; counted {settle.TotalSeconds:F0} s after the restart");
        Console.WriteLine();
        var runs = new (string Name, Func<HttpClient, Func<Task>, Task<List<Guid>>> Submit)[]
        {
            ("40 accepted, then SIGKILL", async (admin, _) => await SubmitAllAsync(admin, article, 40)),
            ("20 at once, SIGTERM after 10 answers", (admin, stop) => SubmitThenStopAsync(admin, article, 20, 10, stop)),
            ($"{largeArticles} of {largeKb} KB accepted, then SIGTERM", async (admin, _) => await SubmitAllAsync(admin, large, largeArticles)),
        };
        var stops = new[] { Stop.Kill, Stop.Terminate, Stop.Terminate };
        for (var i = 0; i < runs.Length; i++)
            Console.WriteLine(await RunOnceAsync(runs[i].Name, stops[i], runs[i].Submit, dll, settle));
        return 0;
    }

    private enum Stop
    {
        Kill,
        Terminate,
    }

    private static async Task<string> RunOnceAsync(string name, Stop stop, Func<HttpClient, Func<Task>, Task<List<Guid>>> submit, string dll, TimeSpan settle)
    {
        var file = Path.Combine(Path.GetTempPath(), $"factcheck-durability-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__FactCheck"] = $"Data Source={file}",
            ["FactCheck__LinkCheck__Enabled"] = "false",
            ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
            ["FactCheck__Bootstrap__AdminPassword"] = Password,
            ["FactCheck__Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        try
        {
            List<Guid> accepted;
            var stoppedIn = TimeSpan.Zero;
            await using (var web = await StartAsync(environment, dll))
            {
                using var admin = await SignInAsync(web);
                for (var r = 0; r < 6; r++)
                    await LoadHarness.CreateUserAsync(admin, admin.DefaultRequestHeaders.Authorization!.Parameter!, $"bench-reviewer-{r}@factcheck.local", Password, "Reviewer", 500);
                accepted = await submit(admin, async () => stoppedIn = await StopAsync(web, stop));
                if (stoppedIn == TimeSpan.Zero)
                    stoppedIn = await StopAsync(web, stop);
            }

            var afterStop = await CountAsync(file, accepted);
            var clock = Stopwatch.StartNew();
            Counts atDeadline;
            TimeSpan? complete = null;
            await using (var web = await StartAsync(environment, dll))
            {
                while (true)
                {
                    atDeadline = await CountAsync(file, accepted);
                    // Done: every accepted article has its claims and no relayed message waits to be handled.
                    if (atDeadline.WithClaims == accepted.Count && atDeadline.Unsettled is 0 or null)
                    {
                        complete = clock.Elapsed;
                        break;
                    }

                    if (clock.Elapsed > settle || web.HasExited)
                        break;
                    await Task.Delay(1000);
                }
            }

            var finished = complete is { } c ? $"all done {c.TotalSeconds:F1} s after the restart" : $"not done {settle.TotalSeconds:F0} s after the restart";
            return string.Create(CultureInfo.InvariantCulture,
                $"""
                 {name} ({stop}, the stop took {stoppedIn.TotalSeconds:F1} s)
                   accepted (202): {accepted.Count}
                   after the stop: {afterStop.Stored} stored, {afterStop.WithClaims} with claims
                   after the restart: {atDeadline.Stored} stored, {atDeadline.WithClaims} with claims, {atDeadline.Claims} claims, {atDeadline.Assigned} assigned; {finished}
                   accepted articles with neither claims nor a message still to be handled: {atDeadline.Lost?.ToString(CultureInfo.InvariantCulture) ?? "n/a (no settlement column in this build)"}

                 """);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                File.Delete(f);
        }
    }

    private static async Task<WebProcess> StartAsync(Dictionary<string, string> environment, string dll)
    {
        var web = Harness.StartWeb(environment, dll: dll);
        using var http = new HttpClient { BaseAddress = web.BaseAddress };
        await Harness.WaitAsync(async () => !web.HasExited && (await http.GetAsync("/health/ready")).IsSuccessStatusCode, "the web app to be ready", TimeSpan.FromMinutes(3));
        return web;
    }

    private static async Task<TimeSpan> StopAsync(WebProcess web, Stop stop)
    {
        var clock = Stopwatch.StartNew();
        if (stop == Stop.Kill)
            await web.KillAsync();
        else
            await web.TerminateAsync(TimeSpan.FromMinutes(2));
        return clock.Elapsed;
    }

    private static async Task<HttpClient> SignInAsync(WebProcess web)
    {
        var http = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoadHarness.LoginAsync(http, AdminEmail, Password));
        return http;
    }

    /// <summary>Submits <paramref name="count"/> copies four at a time; every one must be answered 202.</summary>
    private static async Task<List<Guid>> SubmitAllAsync(HttpClient admin, string text, int count)
    {
        var ids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            ids[i] = await SubmitAsync(admin, text, i) ?? throw new InvalidOperationException($"Article {i} was not accepted."));
        return [.. ids];
    }

    /// <summary>Sends all at once and stops the app when <paramref name="stopAfter"/> are answered; returns those answered 202.</summary>
    private static async Task<List<Guid>> SubmitThenStopAsync(HttpClient admin, string text, int count, int stopAfter, Func<Task> stop)
    {
        var answered = 0;
        var enough = new TaskCompletionSource();
        var sends = Enumerable.Range(0, count).Select(async i =>
        {
            var id = await SubmitAsync(admin, text, i);
            if (id is not null && Interlocked.Increment(ref answered) == stopAfter)
                enough.TrySetResult();
            return id;
        }).ToList();
        await enough.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await stop();
        return [.. (await Task.WhenAll(sends)).OfType<Guid>()];
    }

    private static async Task<Guid?> SubmitAsync(HttpClient http, string text, int i)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/articles", new { title = $"Durability article {i}", text, outlet = "Durability harness", language = "en" });
            return response.StatusCode == HttpStatusCode.Accepted
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("articleId").GetGuid()
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<Counts> CountAsync(string file, List<Guid> accepted)
    {
        await using var db = Database.CreateContext(DatabaseProvider.Sqlite, $"Data Source={file}");
        var stored = await db.Articles.AsNoTracking().Where(a => accepted.Contains(a.Id)).Select(a => a.Id).ToListAsync();
        var withClaims = await db.Claims.AsNoTracking().Where(c => accepted.Contains(c.ArticleId)).Select(c => c.ArticleId).Distinct().ToListAsync();
        var claims = await db.Claims.CountAsync();
        var assigned = await db.Claims.CountAsync(c => c.AssigneeId != null);
        try
        {
            // An accepted article is safe while a message about it waits to be handled (the relay sends it again at start).
            var pending = await db.Outbox.AsNoTracking().Where(m => m.SettledAt == null).Select(m => m.Body).ToListAsync();
            var lost = accepted.Except(withClaims).Count(id => !pending.Any(body => body.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
            return new Counts(stored.Count, withClaims.Count, claims, assigned, pending.Count, lost);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // A build from before relayed messages were settled has no SettledAt column.
            return new Counts(stored.Count, withClaims.Count, claims, assigned, null, null);
        }
    }

    private static string Repeat(string text, int length)
    {
        var builder = new StringBuilder(length + text.Length);
        while (builder.Length + text.Length + 2 <= length)
            builder.Append(text).Append("\n\n");
        return builder.ToString();
    }

    private sealed record Counts(int Stored, int WithClaims, int Claims, int Assigned, int? Unsettled, int? Lost);
}
