using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Benchmarks;

/// <summary>
/// The REST API under a bounded load: N simulated reviewers (fixed concurrency, fixed duration) each
/// loop over "my queue", "take next", reading a claim and, once at capacity, releasing one, against
/// the built web app on PostgreSQL + RabbitMQ (or, with <c>--embedded</c>, SQLite + the in-memory
/// bus). <c>GET /health/live</c> is the baseline: first alone at the same concurrency, then inside
/// the reviewers' loop, so the figures show what the database work adds over the bare server.
/// Only 127.0.0.1 is ever called.
/// </summary>
public static class ApiLoadHarness
{
    private const string AdminEmail = "load-admin@factcheck.test";
    private const string AdminPassword = "Load-harness-admin-2026";
    private const string ReviewerPassword = "Load-harness-reviewer-2026";
    private const int ClaimsPerArticle = 18; // the sample article's claims
    private const int Capacity = 5; // a new reviewer's default

    private const string Baseline = "GET /health/live (alone: baseline)";
    private const string LiveInMix = "GET /health/live (in the mix)";
    private const string MyQueue = "GET /api/claims?assignee=me";
    private const string TakeNext = "POST /api/claims/next";
    private const string ReadClaim = "GET /api/claims/{id}";
    private const string Release = "POST /api/claims/{id}/release";

    public static async Task<int> RunAsync(string[] args)
    {
        var reviewers = LoadHarness.IntOption(args, "reviewers", 200);
        var seconds = LoadHarness.IntOption(args, "seconds", 30);
        // Enough queued claims that the reviewers' steady state (each holding up to its capacity) never empties the queue.
        var articles = LoadHarness.IntOption(args, "articles", Math.Max(10, (int)Math.Ceiling(reviewers * Capacity * 1.5 / ClaimsPerArticle)));
        var embedded = args.Contains("--embedded");
        var postgres = LoadHarness.Option(args, "postgres") ?? LocalServices.DefaultPostgres;
        var rabbitMq = LoadHarness.Option(args, "rabbitmq") ?? LocalServices.DefaultRabbitMq;

        var run = Guid.NewGuid().ToString("N")[..12];
        var database = $"factcheck_load_{run}";
        var vhost = $"factcheck-load-{run}";
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"factcheck-load-{run}.db");
        var baseUrl = $"http://127.0.0.1:{Harness.FreePort()}";
        var environment = new Dictionary<string, string>
        {
            ["FactCheck__LinkCheck__Enabled"] = "false",
            ["FactCheck__Workflow__AutoAssign"] = "false", // claims wait in the queue for "take next"
            ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
            ["FactCheck__Bootstrap__AdminPassword"] = AdminPassword,
            ["FactCheck__Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        bool databaseCreated = false, vhostCreated = false;
        Process? web = null;
        try
        {
            if (embedded)
            {
                environment["ConnectionStrings__FactCheck"] = $"Data Source={sqliteFile}";
            }
            else
            {
                await LocalServices.CreateDatabaseAsync(postgres, database);
                databaseCreated = true;
                await LocalServices.CreateVhostAsync(vhost);
                vhostCreated = true;
                environment["FactCheck__Database__Provider"] = "PostgreSql";
                environment["FactCheck__Bus__Transport"] = "RabbitMq";
                environment["ConnectionStrings__FactCheck"] = LocalServices.DatabaseConnection(postgres, database);
                environment["ConnectionStrings__RabbitMq"] = LocalServices.RabbitMqUri(rabbitMq, vhost);
            }

            var setup = Stopwatch.StartNew();
            // The app logs warnings and errors only: show the first ones (on stderr), count the rest.
            var logged = 0;
            web = LoadHarness.StartWebApp(baseUrl, environment, line =>
            {
                if (Interlocked.Increment(ref logged) <= 60)
                    Console.Error.WriteLine($"[web] {line}");
            });
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = reviewers * 2, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            await LoadHarness.WaitHealthyAsync(http);
            var admin = await LoadHarness.LoginAsync(http, AdminEmail, AdminPassword);

            // SQLite has a single writer: set up one at a time there (creating 4 users at a time once got a 500, on a busy machine).
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = embedded ? 1 : 4 };
            var emails = Enumerable.Range(1, reviewers).Select(i => $"reviewer{i:000}@load.test").ToList();
            await Parallel.ForEachAsync(emails, parallel, async (email, _) =>
                await LoadHarness.CreateUserAsync(http, admin, email, ReviewerPassword, "Reviewer"));

            var text = await File.ReadAllTextAsync(BenchmarkData.Path("article.txt"));
            await Parallel.ForEachAsync(Enumerable.Range(1, articles), parallel, async (i, ct) =>
            {
                using var request = Authorized(HttpMethod.Post, "/api/articles", admin);
                request.Content = JsonContent.Create(new { title = $"Load article {i}", text, outlet = "Load harness" });
                using var response = await http.SendAsync(request, ct);
                response.EnsureSuccessStatusCode();
            });
            // Extraction runs in the consumers (the detector: a few hundred ms an article on 2 cores).
            await LoadHarness.WaitAsync(async () => await CountAsync(http, admin, "status=Queued") >= articles * ClaimsPerArticle, $"{articles * ClaimsPerArticle} claims to be queued", seconds: 900);
            var queued = await CountAsync(http, admin, "status=Queued");

            var tokens = new string[reviewers];
            await Parallel.ForEachAsync(Enumerable.Range(0, reviewers), parallel, async (i, _) =>
                tokens[i] = await LoadHarness.LoginAsync(http, emails[i], ReviewerPassword));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"setup: {reviewers} reviewers, {articles} articles, {queued} claims queued, in {setup.Elapsed.TotalSeconds:F0} s"));

            // Warm-up (not counted): every connection opened, every code path jitted.
            await Task.WhenAll(tokens.Select(async token =>
            {
                await SendAsync(http, HttpMethod.Get, "/health/live", null, new Stats());
                await SendAsync(http, HttpMethod.Get, "/api/claims?assignee=me", token, new Stats());
            }));

            var loadBefore = LoadHarness.LoadAverage();
            var duration = TimeSpan.FromSeconds(seconds);
            var (alone, aloneElapsed) = await PhaseAsync(tokens, duration, (token, stats) => BaselineLoopAsync(http, stats));
            var (mix, mixElapsed) = await PhaseAsync(tokens, duration, (token, stats) => ReviewerLoopAsync(http, token, stats));
            var held = await CountAsync(http, admin, "status=Assigned");

            Console.WriteLine();
            Console.WriteLine($"API under load: {(embedded ? "embedded (SQLite + in-memory bus)" : "PostgreSQL + RabbitMQ")}, {reviewers} concurrent reviewers, {seconds} s a phase; client and server on this machine ({LoadHarness.MachineFacts()})");
            var baselineTimes = alone.Times(Baseline);
            Report(Baseline, alone, aloneElapsed, baselineTimes);
            foreach (var op in new[] { LiveInMix, MyQueue, TakeNext, ReadClaim, Release })
                Report(op, mix, mixElapsed, baselineTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  reviewer loops completed: {mix.Loops:N0} ({mix.Loops / mixElapsed.TotalSeconds:F1}/s); claims held at the end: {held}; queued at the start: {queued}"));
            Console.WriteLine($"  load average (1/5/15 min) before: {loadBefore}, after: {LoadHarness.LoadAverage()}; the web app wrote {logged} warning/error lines (the first ones on stderr)");
            Console.WriteLine("  take-next: 204 = nothing left that fits, 409 = at capacity (both expected, not errors); errors = any other non-2xx, timeouts and refused connections");
            return mix.Errors + alone.Errors > 0 ? 1 : 0;
        }
        finally
        {
            if (web is not null)
            {
                await LoadHarness.StopAsync(web);
                web.Dispose();
            }

            if (databaseCreated)
                await LocalServices.DropDatabaseAsync(postgres, database);
            if (vhostCreated)
                await LocalServices.DeleteVhostAsync(vhost);
            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm" })
                File.Delete(file);
        }
    }

    /// <summary>One simulated user per token, all started together, each stopping after its current loop once the time is up.</summary>
    private static async Task<(Stats Stats, TimeSpan Elapsed)> PhaseAsync(string[] tokens, TimeSpan duration, Func<string, Stats, Task> loop)
    {
        var clock = Stopwatch.StartNew();
        var perUser = tokens.Select(_ => new Stats()).ToArray();
        await Task.WhenAll(tokens.Select((token, i) => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
                await loop(token, perUser[i]);
        })));
        var elapsed = clock.Elapsed;
        var all = new Stats();
        foreach (var stats in perUser)
            all.Add(stats);
        return (all, elapsed);
    }

    private static async Task BaselineLoopAsync(HttpClient http, Stats stats) =>
        await SendAsync(http, HttpMethod.Get, "/health/live", null, stats, Baseline);

    /// <summary>What a reviewer does: look at my queue, take the next claim, read it; at capacity, give one back.</summary>
    private static async Task ReviewerLoopAsync(HttpClient http, string token, Stats stats)
    {
        await SendAsync(http, HttpMethod.Get, "/health/live", null, stats, LiveInMix);
        var (_, queueBody) = await SendAsync(http, HttpMethod.Get, "/api/claims?assignee=me", token, stats, MyQueue);
        var mine = new List<string>();
        if (queueBody is not null)
        {
            using var page = JsonDocument.Parse(queueBody);
            mine.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }

        var (status, takenBody) = await SendAsync(http, HttpMethod.Post, "/api/claims/next", token, stats, TakeNext);
        string? taken = null;
        if (status == HttpStatusCode.OK && takenBody is not null)
        {
            using var claim = JsonDocument.Parse(takenBody);
            taken = claim.RootElement.GetProperty("id").GetString();
        }

        if ((taken ?? mine.FirstOrDefault()) is { } read)
            await SendAsync(http, HttpMethod.Get, $"/api/claims/{read}", token, stats, ReadClaim);
        // Keeps the steady state: each reviewer holds at most its capacity, so "take next" keeps finding work.
        if (mine.Count + (taken is null ? 0 : 1) >= Capacity && mine.Count > 0)
            await SendAsync(http, HttpMethod.Post, $"/api/claims/{mine[^1]}/release", token, stats, Release);
        stats.Loops++;
    }

    /// <summary>Sends one request and records its latency (body read included) and status under <paramref name="op"/>; null op: not recorded.</summary>
    private static async Task<(HttpStatusCode? Status, string? Body)> SendAsync(HttpClient http, HttpMethod method, string path, string? token, Stats stats, string? op = null)
    {
        using var request = Authorized(method, path, token);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (op is not null)
                stats.Record(op, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode);
            return (response.StatusCode, response.IsSuccessStatusCode && body.Length > 0 ? body : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            if (op is not null)
                stats.Record(op, clock.Elapsed.TotalMilliseconds, 0); // 0: no response (timeout, refused)
            return (null, null);
        }
    }

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<int> CountAsync(HttpClient http, string token, string filter)
    {
        using var request = Authorized(HttpMethod.Get, $"/api/claims?pageSize=1&{filter}", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
    }

    private static void Report(string op, Stats stats, TimeSpan elapsed, List<double> baseline)
    {
        var times = stats.Times(op);
        if (times.Count == 0)
        {
            Console.WriteLine($"  {op,-38} no requests");
            return;
        }

        var statuses = stats.Statuses(op);
        var errors = statuses.Where(s => IsError(op, s.Key)).Sum(s => s.Value);
        var p50 = LoadHarness.Percentile(times, 0.5);
        var p99 = LoadHarness.Percentile(times, 0.99);
        var codes = string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture))}×{s.Value}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {op,-38} {times.Count,8:N0} req {times.Count / elapsed.TotalSeconds,8:F1} req/s  p50 {p50,7:F1} ms  p99 {p99,7:F1} ms  errors {errors,5}  p50 ×{p50 / LoadHarness.Percentile(baseline, 0.5),6:F1}  p99 ×{p99 / LoadHarness.Percentile(baseline, 0.99),6:F1}  [{codes}]"));
    }

    /// <summary>Any non-2xx answer or no answer (0), except take-next's 409 "at capacity" (its 204 "nothing left" is a 2xx).</summary>
    private static bool IsError(string op, int status) => status is < 200 or > 299 && !(op == TakeNext && status == 409);

    /// <summary>Latencies and status codes by operation, for one simulated user (merged at the end, so no locking).</summary>
    private sealed class Stats
    {
        private readonly Dictionary<string, List<double>> _times = [];
        private readonly Dictionary<string, Dictionary<int, int>> _statuses = [];

        public int Loops { get; set; }

        public int Errors => _statuses.Sum(op => op.Value.Where(s => IsError(op.Key, s.Key)).Sum(s => s.Value));

        public void Record(string op, double milliseconds, int status)
        {
            (_times.TryGetValue(op, out var times) ? times : _times[op] = []).Add(milliseconds);
            var counts = _statuses.TryGetValue(op, out var found) ? found : _statuses[op] = [];
            counts[status] = counts.GetValueOrDefault(status) + 1;
        }

        public void Add(Stats other)
        {
            Loops += other.Loops;
            foreach (var (op, times) in other._times)
                (_times.TryGetValue(op, out var mine) ? mine : _times[op] = []).AddRange(times);
            foreach (var (op, counts) in other._statuses)
            {
                foreach (var (status, count) in counts)
                {
                    var mine = _statuses.TryGetValue(op, out var found) ? found : _statuses[op] = [];
                    mine[status] = mine.GetValueOrDefault(status) + count;
                }
            }
        }

        public List<double> Times(string op) => [.. _times.GetValueOrDefault(op, []).Order()];

        public Dictionary<int, int> Statuses(string op) => _statuses.GetValueOrDefault(op, []);
    }
}
