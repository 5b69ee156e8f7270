using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace FactCheck.Benchmarks;

/// <summary>
/// The service's reads with a million claims in PostgreSQL: a fresh database migrated by the web
/// app itself, bulk-loaded in the server (INSERT … SELECT generate_series; a realistic mix, mostly
/// published or dismissed, a backlog queued and a few hundred leased), then the real endpoints
/// timed one request at a time through HTTP with real users: my queue, the desk's list and page,
/// take next, a claim. The SQL each endpoint runs is taken from EF Core's command log (a first run
/// of the app with that log on) and replayed under EXPLAIN (ANALYZE, BUFFERS), to show whether the
/// plans use an index or read the whole table.
/// </summary>
public static partial class ScaleHarness
{
    private const string AdminEmail = "scale-admin@factcheck.test";
    private const string AdminPassword = "Scale-harness-admin-2026";
    private const string ReviewerEmail = "scale-reviewer@factcheck.test";
    private const string ReviewerPassword = "Scale-harness-reviewer-2026";
    private const int ClaimsPerArticle = 18;
    private const int OtherReviewers = 200;
    private const int Warmups = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var claims = LoadHarness.IntOption(args, "claims", 1_000_000);
        var runs = LoadHarness.IntOption(args, "runs", 50);
        var postgres = LoadHarness.Option(args, "postgres") ?? LocalServices.DefaultPostgres;
        var plansFile = LoadHarness.Option(args, "plans") ?? Path.Combine(Path.GetTempPath(), "factcheck-scale-plans.txt");
        var database = $"factcheck_scale_{Guid.NewGuid().ToString("N")[..12]}";
        var connectionString = LocalServices.DatabaseConnection(postgres, database);
        var baseUrl = $"http://127.0.0.1:{Harness.FreePort()}";
        // The in-memory bus: this harness measures the database's side; the broker has its own (api-load).
        var environment = new Dictionary<string, string>
        {
            ["FactCheck__Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__FactCheck"] = connectionString,
            ["FactCheck__Bus__Transport"] = "InMemory",
            ["FactCheck__LinkCheck__Enabled"] = "false",
            ["FactCheck__Workflow__AutoAssign"] = "false",
            ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
            ["FactCheck__Bootstrap__AdminPassword"] = AdminPassword,
            ["FactCheck__Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        // The first run logs every SQL command with its request path (the scope), to be explained later.
        var logged = new Dictionary<string, string>(environment)
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Logging__Console__IncludeScopes"] = "true",
        };

        var databaseCreated = false;
        Process? web = null;
        var log = new List<string>();
        var owned = new List<HttpClient>();
        try
        {
            await LocalServices.CreateDatabaseAsync(postgres, database);
            databaseCreated = true;
            web = LoadHarness.StartWebApp(baseUrl, logged, line => { lock (log) log.Add(line); });
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
            await LoadHarness.WaitHealthyAsync(http);
            var admin = await LoadHarness.LoginAsync(http, AdminEmail, AdminPassword);
            var reviewerId = await LoadHarness.CreateUserAsync(http, admin, ReviewerEmail, ReviewerPassword, "Reviewer");

            var load = Stopwatch.StartNew();
            await using (var db = new NpgsqlConnection(connectionString))
            {
                await db.OpenAsync();
                await BulkLoadAsync(db, claims, reviewerId);
                Console.WriteLine($"loaded {claims:N0} claims in {load.Elapsed.TotalSeconds:F0} s; {await SizesAsync(db)}");
            }

            // One request of each with the SQL log on; then the app again without it, for the timings.
            var operations = await OperationsAsync(http, baseUrl, admin, connectionString, owned);
            var captured = new Dictionary<string, List<Statement>>();
            foreach (var op in operations)
            {
                int mark;
                lock (log) mark = log.Count;
                await op.Send();
                await Task.Delay(500); // the console logger writes on its own thread
                lock (log) captured[op.Name] = [.. Statement.Parse(log.Skip(mark)).Where(s => s.RequestPath is not null)];
                if (op.After is not null)
                    await op.After();
            }

            List<Statement> background;
            lock (log) background = [.. Statement.Parse(log).Where(s => s.RequestPath is null && s.TouchesClaims).DistinctBy(s => s.Sql)];
            await LoadHarness.StopAsync(web);
            web.Dispose();
            web = null; // so that a failed start leaves nothing disposed for the finally block

            web = LoadHarness.StartWebApp(baseUrl, environment);
            await LoadHarness.WaitHealthyAsync(http);
            operations = await OperationsAsync(http, baseUrl, await LoadHarness.LoginAsync(http, AdminEmail, AdminPassword), connectionString, owned);
            var loadBefore = LoadHarness.LoadAverage();
            var timings = new Dictionary<string, List<double>>();
            foreach (var op in operations)
                timings[op.Name] = await TimeAsync(op, runs);

            Console.WriteLine();
            Console.WriteLine($"Scale: {claims:N0} claims in PostgreSQL, each endpoint {runs} times one after another (after {Warmups} warm-ups), through HTTP ({LoadHarness.MachineFacts()})");
            var baseline = timings[operations[0].Name];
            foreach (var op in operations)
            {
                var times = timings[op.Name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {op.Name,-48} p50 {LoadHarness.Percentile(times, 0.5),8:F1} ms  p99 {LoadHarness.Percentile(times, 0.99),8:F1} ms  max {times[^1],8:F1} ms  p50 ×{LoadHarness.Percentile(times, 0.5) / LoadHarness.Percentile(baseline, 0.5),7:F1}"));
            }

            Console.WriteLine($"  load average (1/5/15 min) before: {loadBefore}, after: {LoadHarness.LoadAverage()}");

            var full = new StringBuilder();
            await using (var db = new NpgsqlConnection(connectionString))
            {
                await db.OpenAsync();
                var values = await ValuesAsync(db, reviewerId);
                Console.WriteLine();
                Console.WriteLine($"Query plans: EXPLAIN (ANALYZE, BUFFERS) of each SELECT the endpoint ran (full plans: {plansFile})");
                foreach (var op in operations.Skip(1))
                    await ExplainAllAsync(db, op.Name, captured[op.Name], values.With(op.Binds), full);
                await ExplainAllAsync(db, "background jobs (sweep, SLA, metrics), no request", background, values, full);
            }

            await File.WriteAllTextAsync(plansFile, full.ToString());
            return 0;
        }
        finally
        {
            if (web is not null)
            {
                await LoadHarness.StopAsync(web);
                web.Dispose();
            }

            foreach (var client in owned)
                client.Dispose();
            if (databaseCreated)
                await LocalServices.DropDatabaseAsync(postgres, database);
        }
    }

    private sealed record Operation(string Name, Func<Task> Send, Func<Task>? After = null, IReadOnlyDictionary<string, object>? Binds = null);

    /// <summary>The endpoints measured, each as its user calls it; the first, the trivial one, is the baseline.</summary>
    private static async Task<List<Operation>> OperationsAsync(HttpClient http, string baseUrl, string admin, string connectionString, List<HttpClient> owned)
    {
        var reviewer = await LoadHarness.LoginAsync(http, ReviewerEmail, ReviewerPassword);
        var adminPages = await PagesClientAsync(baseUrl, AdminEmail, AdminPassword);
        owned.Add(adminPages);
        var reviewerPages = await PagesClientAsync(baseUrl, ReviewerEmail, ReviewerPassword);
        owned.Add(reviewerPages);
        Guid claimId;
        await using (var db = new NpgsqlConnection(connectionString))
        {
            await db.OpenAsync();
            await using var pick = new NpgsqlCommand("""SELECT "Id" FROM "Claims" WHERE "Status" = 'Published' LIMIT 1""", db);
            claimId = (Guid)(await pick.ExecuteScalarAsync())!;
        }

        string? taken = null;
        return
        [
            new("GET /health/live (baseline)", () => Ok(http, HttpMethod.Get, "/health/live", null)),
            new("my queue: GET /api/claims?assignee=me", () => Ok(http, HttpMethod.Get, "/api/claims?assignee=me", reviewer)),
            new("my queue page: GET /queue (prerendered)", () => Page(reviewerPages, "/queue", "Take next")),
            new("desk list: GET /api/claims (page 1)", () => Ok(http, HttpMethod.Get, "/api/claims", admin)),
            new("desk list: GET /api/claims?status=Queued", () => Ok(http, HttpMethod.Get, "/api/claims?status=Queued", admin), Binds: new Dictionary<string, object> { ["status"] = "Queued" }),
            new("desk list: GET /api/claims?status=Published", () => Ok(http, HttpMethod.Get, "/api/claims?status=Published", admin), Binds: new Dictionary<string, object> { ["status"] = "Published" }),
            new("desk page: GET /desk (prerendered)", () => Page(adminPages, "/desk", "data-claim")),
            new("take next: POST /api/claims/next", async () =>
            {
                using var claim = JsonDocument.Parse(await Ok(http, HttpMethod.Post, "/api/claims/next", reviewer));
                taken = claim.RootElement.GetProperty("id").GetString();
            }, After: async () => await Ok(http, HttpMethod.Post, $"/api/claims/{taken}/release", reviewer)), // not timed: keeps the reviewer under capacity
            new("a claim: GET /api/claims/{id}", () => Ok(http, HttpMethod.Get, $"/api/claims/{claimId}", reviewer), Binds: new Dictionary<string, object> { ["id"] = claimId }),
        ];
    }

    private static async Task<List<double>> TimeAsync(Operation op, int runs)
    {
        var times = new List<double>();
        for (var run = 0; run < Warmups + runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await op.Send();
            if (run >= Warmups)
                times.Add(clock.Elapsed.TotalMilliseconds);
            if (op.After is not null)
                await op.After();
        }

        times.Sort();
        return times;
    }

    private static async Task<string> Ok(HttpClient http, HttpMethod method, string path, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>A page as a signed-in browser first gets it: rendered on the server, its queries included.</summary>
    private static async Task Page(HttpClient pages, string path, string mustContain)
    {
        using var response = await pages.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath != path || !body.Contains(mustContain, StringComparison.Ordinal))
            throw new InvalidOperationException($"GET {path} did not render the page ({(int)response.StatusCode} {response.RequestMessage?.RequestUri})");
    }

    private static async Task<HttpClient> PagesClientAsync(string baseUrl, string email, string password)
    {
        var pages = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
        using var response = await pages.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password });
        response.EnsureSuccessStatusCode();
        return pages;
    }

    /// <summary>
    /// Articles of 18 claims each, one every 10 minutes over the past year. Claims of the older 95%
    /// of articles are closed (85% published, 15% dismissed); the newest 5% hold the open work: most
    /// queued, some with a proposed verdict. Up to 800 queued claims are then leased to 200 reviewers
    /// (4 each) and 4 to the measured reviewer, who also has 1/200 of the published ones. Each claim
    /// has a 1,536-byte embedding like the detector's, so rows are as wide as real ones.
    /// </summary>
    private static async Task BulkLoadAsync(NpgsqlConnection db, int claims, string reviewerId)
    {
        var articles = (claims + ClaimsPerArticle - 1) / ClaimsPerArticle;
        var openFrom = (int)(articles * 0.95);
        var now = DateTime.UtcNow;
        using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(BenchmarkData.Path("gold.json")));
        var texts = gold.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("quote").GetString()!).ToArray();
        var article = await File.ReadAllTextAsync(BenchmarkData.Path("article.txt"));

        await ExecuteAsync(db, "SET synchronous_commit = off");
        await ExecuteAsync(db, """
            CREATE TEMP TABLE embeddings AS
            SELECT n, (SELECT string_agg(sha512(int4send(n * 24 + j)), ''::bytea) FROM generate_series(0, 23) AS j) AS e
            FROM generate_series(0, 999) AS n
            """);
        await ExecuteAsync(db, """
            INSERT INTO "Articles" ("Id", "Title", "Text", "Outlet", "Author", "PublishedAt", "Language", "Beat", "Version", "SubmittedBy", "ReceivedAt")
            SELECT md5('article' || a)::uuid, 'Scale article ' || a, @text, 'Scale outlet', 'Staff writer ' || a % 50,
                   @now - (@articles - a) * interval '10 minutes', 'en', (ARRAY['defence', 'politics', 'economy', 'health'])[1 + a % 4], 1, 'bulk',
                   @now - (@articles - a) * interval '10 minutes'
            FROM generate_series(1, @articles) AS a
            """, ("text", article), ("now", now), ("articles", articles));

        const int Chunk = 100_000;
        for (var from = 1; from <= claims; from += Chunk)
        {
            var to = Math.Min(claims, from + Chunk - 1);
            await ExecuteAsync(db, """
                INSERT INTO "Claims" ("Id", "ArticleId", "Start", "End", "Text", "Quantities", "Speaker", "Score", "Language", "Beat",
                                      "Status", "Priority", "DueAt", "IsOverdue", "IsEscalated", "AssigneeId", "Version", "CreatedAt", "UpdatedAt", "Embedding")
                SELECT gen_random_uuid(), md5('article' || x.a)::uuid, x.k * 200, x.k * 200 + 120, (@texts)[1 + x.k % cardinality(@texts)] || ' (claim ' || x.i || ')', '[]',
                       CASE WHEN x.k % 5 = 0 THEN 'Foreign Minister Jack Harris' END, 0.35 + (x.i % 65) / 100.0,
                       CASE WHEN x.i % 50 = 0 THEN 'fr' ELSE 'en' END, (ARRAY['defence', 'politics', 'economy', 'health'])[1 + x.a % 4],
                       x.status, 20 + (x.i * 37) % 61,
                       CASE WHEN x.status IN ('Queued', 'VerdictProposed') THEN @now + interval '1 day' + (x.i % 2880) * interval '1 minute' ELSE x.created + interval '1 day' END,
                       false, false,
                       CASE WHEN x.status IN ('Published', 'VerdictProposed') THEN CASE WHEN x.i % @reviewers = 0 THEN @reviewer ELSE 'scale-reviewer-' || x.i % @reviewers END END,
                       CASE WHEN x.status = 'Queued' THEN 2 ELSE 6 END, x.created, x.created, e.e
                FROM (
                    SELECT i, a, k, created,
                           CASE WHEN a >= @openFrom THEN CASE WHEN k < 11 THEN 'Queued' WHEN k < 15 THEN 'VerdictProposed' WHEN k = 15 THEN 'Dismissed' ELSE 'Published' END
                                WHEN (i::bigint * 7919) % 100 < 85 THEN 'Published' ELSE 'Dismissed' END AS status
                    FROM (SELECT i, (i - 1) / 18 + 1 AS a, (i - 1) % 18 AS k,
                                 @now - (@articles - ((i - 1) / 18 + 1)) * interval '10 minutes' + ((i - 1) % 18) * interval '1 second' AS created
                          FROM generate_series(@from, @to) AS i) AS n
                ) AS x
                JOIN embeddings AS e ON e.n = x.i % 1000
                """, ("texts", texts), ("now", now), ("articles", articles), ("openFrom", openFrom), ("reviewers", OtherReviewers),
                ("reviewer", reviewerId), ("from", from), ("to", to));
            Console.WriteLine($"  {to:N0} claims");
        }

        await ExecuteAsync(db, """
            WITH picked AS (SELECT "Id", row_number() OVER (ORDER BY "Id") AS n FROM "Claims" WHERE "Status" = 'Queued' AND "Language" = 'en' LIMIT @leased)
            UPDATE "Claims" AS c
            SET "Status" = CASE WHEN n % 3 = 0 THEN 'InProgress' ELSE 'Assigned' END,
                "AssigneeId" = CASE WHEN n <= 4 THEN @reviewer ELSE 'scale-reviewer-' || n % @reviewers END,
                "LeaseExpiresAt" = @now + interval '4 hours', "Version" = 3
            FROM picked WHERE c."Id" = picked."Id"
            """, ("leased", Math.Min(OtherReviewers * 4, claims / 100) + 4), ("reviewer", reviewerId), ("reviewers", OtherReviewers), ("now", now));
        // As autovacuum would have by now: statistics and the visibility map (index-only scans).
        await ExecuteAsync(db, """VACUUM ANALYZE "Articles" """);
        await ExecuteAsync(db, """VACUUM ANALYZE "Claims" """);
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> SizesAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT string_agg("Status" || ' ' || n, ', ' ORDER BY n DESC) FROM (SELECT "Status", count(*) AS n FROM "Claims" GROUP BY "Status") AS s),
                   pg_size_pretty(pg_total_relation_size('"Claims"')), pg_size_pretty(pg_total_relation_size('"Articles"')), (SELECT count(*) FROM "Articles")
            """, db);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"claims by status: {reader.GetString(0)}; Claims table with indexes {reader.GetString(1)}, Articles ({reader.GetInt64(3):N0}) {reader.GetString(2)}";
    }

    /// <summary>Values for the logged commands' parameters, by name (EF Core names them after the variables in the query).</summary>
    private sealed record Values(string ReviewerId, Guid[] RecentArticles, Guid ClaimId, Dictionary<string, object> Overrides)
    {
        public Values With(IReadOnlyDictionary<string, object>? binds) =>
            binds is null ? this : this with { Overrides = new Dictionary<string, object>(Overrides.Concat(binds)) };

        public object? For(string name, string? type, string sql)
        {
            if (Overrides.TryGetValue(name, out var value))
                return value;
            if (Regex.IsMatch(sql, $@"OFFSET @{name}\b"))
                return 0;
            return type switch
            {
                "Int32" => 50, // a LIMIT: the page size
                "DateTime" => DateTime.UtcNow,
                "Guid" => ClaimId,
                "Object" when name.Contains("language", StringComparison.OrdinalIgnoreCase) => new[] { "en" },
                "Object" when name.Contains("beat", StringComparison.OrdinalIgnoreCase) => Array.Empty<string>(),
                "Object" => RecentArticles, // the desk's article ids
                _ when name is "assignee" or "me" or "reviewerId" or "userId" => ReviewerId,
                _ when name == "status" => "Queued",
                _ => null,
            };
        }
    }

    private static async Task<Values> ValuesAsync(NpgsqlConnection db, string reviewerId)
    {
        var recent = new List<Guid>();
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "Articles" ORDER BY "ReceivedAt" DESC LIMIT 50""", db);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                recent.Add(reader.GetGuid(0));
        }

        await using var claim = new NpgsqlCommand("""SELECT "Id" FROM "Claims" WHERE "Status" = 'Published' LIMIT 1""", db);
        return new Values(reviewerId, [.. recent], (Guid)(await claim.ExecuteScalarAsync())!, new Dictionary<string, object>());
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of each SELECT; prints one line a statement: its time and how it reads Claims and Articles.</summary>
    private static async Task ExplainAllAsync(NpgsqlConnection db, string what, List<Statement> statements, Values values, StringBuilder full)
    {
        Console.WriteLine($"  {what}");
        full.AppendLine(CultureInfo.InvariantCulture, $"==== {what}");
        foreach (var statement in statements.Where(s => s.Sql.StartsWith("SELECT", StringComparison.Ordinal) && s.TouchesClaims).DistinctBy(s => s.Sql))
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + statement.Sql, db);
            var missing = new List<string>();
            foreach (var (name, type) in statement.Parameters)
            {
                if (values.For(name, type, statement.Sql) is { } value)
                    command.Parameters.AddWithValue(name, value);
                else
                    missing.Add(name);
            }

            if (missing.Count > 0)
            {
                Console.WriteLine($"    {statement.Short}: not explained (no value for @{string.Join(", @", missing)})");
                continue;
            }

            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    plan.Add(reader.GetString(0));
            }

            full.AppendLine(statement.Sql).AppendLine(string.Join('\n', plan)).AppendLine();
            Console.WriteLine($"    {statement.Short}");
            Console.WriteLine($"      → {PlanSummary(plan)}");
        }
    }

    /// <summary>Execution time, the indexes used, and every sequential scan with the rows it read.</summary>
    private static string PlanSummary(List<string> plan)
    {
        var parts = new List<string>();
        var time = plan.Select(l => ExecutionTime().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        parts.Add($"{time} ms");
        for (var i = 0; i < plan.Count; i++)
        {
            if (SeqScan().Match(plan[i]) is { Success: true } seq)
            {
                var rows = long.Parse(seq.Groups[2].Value, CultureInfo.InvariantCulture);
                var loops = long.Parse(seq.Groups[3].Value, CultureInfo.InvariantCulture);
                var removed = plan.Skip(i + 1).TakeWhile(l => !l.Contains("->", StringComparison.Ordinal)).Select(l => RemovedByFilter().Match(l)).FirstOrDefault(m => m.Success);
                var read = (rows + (removed is null ? 0 : long.Parse(removed.Groups[1].Value, CultureInfo.InvariantCulture))) * loops;
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"SEQ SCAN on {seq.Groups[1].Value} (~{read:N0} rows read)"));
            }
            else if (IndexScan().Match(plan[i]) is { Success: true } index)
            {
                parts.Add($"{index.Groups[1].Value} {index.Groups[2].Value}");
            }
            else if (SortMethod().Match(plan[i]) is { Success: true } sort)
            {
                parts.Add($"{(plan[i].Contains("Full-sort Groups", StringComparison.Ordinal) ? "incremental sort" : "sort")}: {sort.Groups[1].Value}");
            }
        }

        return string.Join("; ", parts.Distinct());
    }

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"Seq Scan on (\S+).*actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)")]
    private static partial Regex SeqScan();

    [GeneratedRegex(@"Rows Removed by Filter: (\d+)")]
    private static partial Regex RemovedByFilter();

    [GeneratedRegex(@"((?:Bitmap )?Index (?:Only )?Scan(?: Backward)?)(?: using| on) (\S+)")]
    private static partial Regex IndexScan();

    [GeneratedRegex(@"Sort Method: ([A-Za-z -]+?)(?:\s{2}|$)")]
    private static partial Regex SortMethod();

    /// <summary>One command from EF Core's log: its SQL, its parameters (name, DbType) and the request it ran for.</summary>
    private sealed partial record Statement(string Sql, List<(string Name, string? Type)> Parameters, string? RequestPath)
    {
        public bool TouchesClaims => Sql.Contains("\"Claims\"", StringComparison.Ordinal) || Sql.Contains("\"Articles\"", StringComparison.Ordinal);

        /// <summary>The SQL on one line, its column list elided.</summary>
        public string Short
        {
            get
            {
                var line = Whitespace().Replace(Sql, " ");
                line = SelectList().Replace(line, m => m.Groups[1].Value.Length > 60 ? "SELECT … FROM" : m.Value);
                return line.Length > 220 ? line[..220] + " …" : line;
            }
        }

        /// <summary>
        /// The simple console formatter writes a command as "info: …Database.Command[20101]", then,
        /// indented by six spaces, the scopes ("=> … RequestPath:/api/claims …"), the
        /// "Executed DbCommand" line with the parameters, and the SQL.
        /// </summary>
        public static IEnumerable<Statement> Parse(IEnumerable<string> lines)
        {
            List<string>? block = null;
            foreach (var line in lines.Append(""))
            {
                if (block is not null && line.StartsWith("      ", StringComparison.Ordinal))
                {
                    block.Add(line[6..]);
                    continue;
                }

                if (block is not null && FromBlock(block) is { } statement)
                    yield return statement;
                block = line.Contains("Microsoft.EntityFrameworkCore.Database.Command[20101]", StringComparison.Ordinal) ? [] : null;
            }
        }

        private static Statement? FromBlock(List<string> block)
        {
            var header = block.FindIndex(l => l.StartsWith("Executed DbCommand", StringComparison.Ordinal));
            if (header < 0)
                return null;
            var path = RequestPathIn().Match(string.Join(' ', block.Take(header)));
            // Query tags (take-next's "-- factcheck: lock rows, skip locked") are comments ahead of the SELECT.
            return new Statement(
                string.Join('\n', block.Skip(header + 1).SkipWhile(l => l.StartsWith("--", StringComparison.Ordinal) || l.Length == 0)).Trim(),
                [.. Parameter().Matches(block[header]).Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null))],
                path.Success ? path.Groups[1].Value : null);
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();

        [GeneratedRegex(@"SELECT (.+?) FROM")]
        private static partial Regex SelectList();

        [GeneratedRegex(@"@(\w+)='[^']*'(?: \((?:DbType = (\w+))?[^)]*\))?")]
        private static partial Regex Parameter();

        [GeneratedRegex(@"RequestPath:(\S+)")]
        private static partial Regex RequestPathIn();
    }
}
