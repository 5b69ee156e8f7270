using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using FactCheck.Contracts;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FactCheck.Benchmarks;

/// <summary>
/// The workflow under load, end to end. The built web app runs as a process of its own on RabbitMQ +
/// PostgreSQL (or, with --embedded, SQLite + the in-memory bus); enough copies of the sample article
/// for --claims claims are submitted through the REST API at once, and timed from submission until
/// every claim is assigned. Then one HTTP client per simulated reviewer attaches a source and proposes
/// a verdict on each of its claims while simulated editors approve them. Raw MassTransit
/// publish+consume of an empty message on the same transport, measured in the same run, is the
/// yardstick: the pipeline's rates divided by it are the headline.
/// </summary>
public static class PipelineHarness
{
    private const string AdminEmail = "bench-admin@factcheck.local";
    private const string Password = "Bench-pipeline-2026";
    private const int SubmitConcurrency = 4;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = PipelineOptions.Parse(args);
        var run = $"factcheck_bench_{Guid.NewGuid():N}"[..28];
        var mode = options.Embedded ? "embedded: SQLite + in-memory bus" : "RabbitMQ + PostgreSQL";
        var article = await File.ReadAllTextAsync(BenchmarkData.Path("article.txt"));
        var total = Stopwatch.StartNew();

        await using var sandbox = new Sandbox();
        Line($"FactCheck pipeline benchmark ({mode}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"machine: {Machine()}");

        // The yardstick first, on an idle machine, in a virtual host of its own on the same broker.
        var rawHost = options.Embedded ? null : await sandbox.CreateVirtualHostAsync(options.RabbitMq, run + "_raw");
        Progress("measuring raw MassTransit publish+consume");
        var baseline = await RawBusBaseline.RunAsync(rawHost, options.RawMessages);

        var (provider, connection, environment) = await StackAsync(sandbox, options, run);
        if (!options.Embedded)
            Line($"services: {await ServiceVersionsAsync(connection)}");
        var log = Path.Combine(Path.GetTempPath(), run + "-web.log");
        var web = Harness.StartWeb(environment, log);
        sandbox.Defer("stop the web app", async () => await web.DisposeAsync());
        await using var db = Database.CreateContext(provider, connection);

        using var admin = new HttpClient { BaseAddress = web.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        await Harness.WaitAsync(async () => !web.HasExited && (await admin.GetAsync("/health/ready")).IsSuccessStatusCode, "the web app to be ready", TimeSpan.FromMinutes(3));
        await SignInAsync(admin, AdminEmail);

        var reviewerCount = options.Reviewers ?? (int)Math.Ceiling(options.Claims * 1.05 / options.Capacity) + 1;
        Progress($"creating {reviewerCount} reviewers (capacity {options.Capacity} each) and {options.Editors} editors");
        var reviewers = await StaffAsync(admin, "reviewer", reviewerCount, "Reviewer", options.Capacity);
        var editors = await StaffAsync(admin, "editor", options.Editors, "Editor", 0);
        var ratings = (await admin.GetFromJsonAsync<string[]>("/api/verdict-scale"))!;

        // One article first, not counted: it loads the detection model and learns how many claims an article gives.
        Progress("warm-up article (loads the detection model; not counted)");
        var warmUp = await SubmitAsync(admin, article, "Warm-up article", CancellationToken.None);
        var perArticle = 0;
        await Harness.WaitAsync(async () =>
        {
            var statuses = await db.Claims.Where(c => c.ArticleId == warmUp).Select(c => c.Status).ToListAsync();
            perArticle = statuses.Count;
            return statuses.Count > 0 && statuses.All(s => s == ClaimStatus.Assigned);
        }, "the warm-up article's claims to be assigned", TimeSpan.FromMinutes(3));

        var articles = options.Articles ?? (int)Math.Ceiling((double)options.Claims / perArticle);
        var expected = (articles + 1) * perArticle;
        Progress($"submitting {articles} articles ({perArticle} claims each), {SubmitConcurrency} requests at a time");
        var submittedAt = new ConcurrentDictionary<Guid, DateTime>();
        var start = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(1, articles), new ParallelOptions { MaxDegreeOfParallelism = SubmitConcurrency }, async (i, ct) =>
        {
            var sentAt = DateTime.UtcNow;
            submittedAt[await SubmitAsync(admin, article, $"Pipeline article {i}", ct)] = sentAt;
        });
        var submitSeconds = clock.Elapsed.TotalSeconds;
        var allAssigned = await WaitForAssignmentAsync(db, expected, options.AssignTimeout, clock);
        var assignment = await AssignmentStatsAsync(db, submittedAt, start);
        var assignmentOutbox = await OutboxStatsAsync(db, start, DateTime.UtcNow);

        Progress($"review phase: {reviewers.Count} reviewers, {editors.Count} editors, at most {options.ReviewTime.TotalSeconds:F0} s");
        var review = await ReviewAsync(db, reviewers, editors, ratings, options.ReviewTime);
        var reviewOutbox = await OutboxStatsAsync(db, review.Start, DateTime.UtcNow);

        Line();
        Report(options, mode, baseline, articles, perArticle, submitSeconds, allAssigned, assignment, assignmentOutbox, review, reviewOutbox, reviewers.Count, editors.Count);
        Line();
        Line($"web app log: {WebLogSummary(log)} ({log})");
        Line($"machine load average at the end: {LoadAverage()}; harness ran {total.Elapsed.TotalMinutes:F1} min");

        foreach (var http in reviewers.Concat(editors))
            http.Dispose();
        return allAssigned ? 0 : 1;
    }

    /// <summary>Creates the run's database and virtual host (or SQLite file) and the web app's settings.</summary>
    private static async Task<(DatabaseProvider Provider, string Connection, Dictionary<string, string> Environment)> StackAsync(Sandbox sandbox, PipelineOptions options, string run)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["FactCheck__LinkCheck__Enabled"] = "false",
            ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
            ["FactCheck__Bootstrap__AdminPassword"] = Password,
            // Embedded mode would seed demo reviewers and the sample article; the harness makes its own newsroom.
            ["FactCheck__Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (options.Embedded)
        {
            var connection = $"Data Source={sandbox.SqliteFile(run)}";
            environment["FactCheck__Database__Provider"] = "Sqlite";
            environment["FactCheck__Bus__Transport"] = "InMemory";
            environment["ConnectionStrings__FactCheck"] = connection;
            return (DatabaseProvider.Sqlite, connection, environment);
        }

        var database = await sandbox.CreateDatabaseAsync(options.Postgres, run);
        var broker = await sandbox.CreateVirtualHostAsync(options.RabbitMq, run);
        environment["FactCheck__Database__Provider"] = "PostgreSql";
        environment["FactCheck__Bus__Transport"] = "RabbitMq";
        environment["ConnectionStrings__FactCheck"] = database;
        environment["ConnectionStrings__RabbitMq"] = broker.ToString();
        return (DatabaseProvider.PostgreSql, database, environment);
    }

    private static async Task SignInAsync(HttpClient http, string email)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Creates people through the admin API; returns one signed-in client each.</summary>
    private static async Task<List<HttpClient>> StaffAsync(HttpClient admin, string name, int count, string role, int capacity)
    {
        var clients = new List<HttpClient>(count);
        for (var i = 1; i <= count; i++)
        {
            var email = $"bench-{name}-{i}@factcheck.local";
            using var created = await admin.PostAsJsonAsync("/api/admin/users", new
            {
                email,
                password = Password,
                displayName = $"Bench {name} {i}",
                roles = new[] { role },
                languages = new[] { "en" },
                capacity,
            });
            if (!created.IsSuccessStatusCode)
                throw new InvalidOperationException($"Creating {email} failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var http = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await SignInAsync(http, email);
            clients.Add(http);
        }

        return clients;
    }

    /// <summary>No beat and no author: every reviewer may take every claim, so capacity alone decides.</summary>
    private static async Task<Guid> SubmitAsync(HttpClient http, string text, string title, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/articles", new { title, text, outlet = "Pipeline harness", language = "en" }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Submitting '{title}' failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("articleId").GetGuid();
    }

    /// <summary>Polls the database until every claim is assigned or the time is up; says how far it got every few seconds.</summary>
    private static async Task<bool> WaitForAssignmentAsync(FactCheckDbContext db, int expected, TimeSpan timeout, Stopwatch clock)
    {
        var nextReport = ProgressEvery;
        while (true)
        {
            if (await db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned) >= expected)
                return true;
            var timedOut = clock.Elapsed > timeout;
            if (clock.Elapsed >= nextReport || timedOut)
            {
                nextReport += ProgressEvery;
                var articles = await db.Articles.CountAsync();
                var extracted = await db.Claims.Select(c => c.ArticleId).Distinct().CountAsync();
                var claims = await db.Claims.CountAsync();
                var queued = await db.Claims.CountAsync(c => c.Status == ClaimStatus.Queued);
                var assigned = await db.Claims.CountAsync(c => c.Status == ClaimStatus.Assigned);
                var relaying = await db.Outbox.CountAsync(m => m.DispatchedAt == null);
                Progress($"{clock.Elapsed.TotalSeconds,5:F0} s: {articles} articles stored, {extracted} extracted, {claims} claims, {queued} queued, {assigned}/{expected} assigned, {relaying} outbox rows to relay");
            }

            if (timedOut)
                return false;
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Per claim of the counted articles, from the database: submitted (harness clock), article stored,
    /// extraction started (the claims' creation time, taken before the detector runs), extracted (the
    /// ClaimsExtracted outbox row, written after it) and assigned (the Assigned transition).
    /// </summary>
    private static async Task<AssignmentStats> AssignmentStatsAsync(FactCheckDbContext db, ConcurrentDictionary<Guid, DateTime> submittedAt, DateTime start)
    {
        var received = (await db.Articles.AsNoTracking().Select(a => new { a.Id, a.ReceivedAt }).ToListAsync())
            .Where(a => submittedAt.ContainsKey(a.Id)).ToDictionary(a => a.Id, a => a.ReceivedAt);
        var claims = (await db.Claims.AsNoTracking().Select(c => new { c.Id, c.ArticleId, c.CreatedAt }).ToListAsync())
            .Where(c => submittedAt.ContainsKey(c.ArticleId)).ToList();
        var extractionStarted = claims.GroupBy(c => c.ArticleId).ToDictionary(g => g.Key, g => g.Min(c => c.CreatedAt));
        var extracted = await ExtractedAtAsync(db);
        var counted = claims.Select(c => c.Id).ToHashSet();
        var transitions = (await db.ClaimEvents.AsNoTracking()
                .Where(e => e.Kind == ClaimEventKind.StatusChanged)
                .Select(e => new { e.ClaimId, e.To, e.OccurredAt })
                .ToListAsync())
            .Where(e => counted.Contains(e.ClaimId)).ToList();
        var assignedAt = transitions.Where(e => e.To == nameof(ClaimStatus.Assigned))
            .GroupBy(e => e.ClaimId).ToDictionary(g => g.Key, g => g.Min(e => e.OccurredAt));

        var assigned = claims.Where(c => assignedAt.ContainsKey(c.Id)).ToList();
        var last = assigned.Count == 0 ? start : assigned.Max(c => assignedAt[c.Id]);

        // Do extractions overlap? Their summed durations over the span they cover is how many ran at once on average.
        var extractions = extractionStarted.Where(a => extracted.ContainsKey(a.Key)).Select(a => (Start: a.Value, End: extracted[a.Key])).ToList();
        var span = extractions.Count == 0 ? 0 : (extractions.Max(e => e.End) - extractions.Min(e => e.Start)).TotalSeconds;
        var perSecond = span > 0 ? extractions.Count / span : 0;
        var atOnce = span > 0 ? extractions.Sum(e => (e.End - e.Start).TotalSeconds) / span : 0;
        return new AssignmentStats(
            extractionStarted.Count,
            assigned.Count,
            last,
            (last - start).TotalSeconds,
            transitions.Count(e => e.OccurredAt <= last),
            perSecond,
            atOnce,
            Spread.Of(assigned.Select(c => (assignedAt[c.Id] - submittedAt[c.ArticleId]).TotalSeconds)),
            Spread.Of(received.Select(a => (a.Value - submittedAt[a.Key]).TotalSeconds)),
            Spread.Of(extractionStarted.Select(a => (a.Value - received[a.Key]).TotalSeconds)),
            Spread.Of(extractionStarted.Where(a => extracted.ContainsKey(a.Key)).Select(a => (extracted[a.Key] - a.Value).TotalSeconds)),
            Spread.Of(assigned.Where(c => extracted.ContainsKey(c.ArticleId)).Select(c => (assignedAt[c.Id] - extracted[c.ArticleId]).TotalSeconds)));
    }

    /// <summary>When each article's detection finished: its ClaimsExtracted event was queued in the outbox.</summary>
    private static async Task<Dictionary<Guid, DateTime>> ExtractedAtAsync(FactCheckDbContext db)
    {
        var name = MessageTypes.NameOf(typeof(ClaimsExtracted));
        var rows = await db.Outbox.AsNoTracking().Where(m => m.MessageType == name).Select(m => new { m.Body, m.CreatedAt }).ToListAsync();
        return rows
            .Select(r => (JsonSerializer.Deserialize<ClaimsExtracted>(r.Body, MessageTypes.Json)!.ArticleId, r.CreatedAt))
            .GroupBy(r => r.ArticleId)
            .ToDictionary(g => g.Key, g => g.Min(r => r.CreatedAt));
    }

    /// <summary>
    /// The outbox over one phase: how long its events waited before the broker took them, how many
    /// still wait, and how fast the relay went (overall, and its best 10 s).
    /// </summary>
    private static async Task<OutboxStats> OutboxStatsAsync(FactCheckDbContext db, DateTime from, DateTime to)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(m => (m.CreatedAt >= from && m.CreatedAt < to) || (m.DispatchedAt >= from && m.DispatchedAt < to))
            .Select(m => new { m.CreatedAt, m.DispatchedAt })
            .ToListAsync();
        var created = rows.Where(r => r.CreatedAt >= from && r.CreatedAt < to).ToList();
        var relayed = rows.Where(r => r.DispatchedAt >= from && r.DispatchedAt < to).Select(r => r.DispatchedAt!.Value).ToList();
        var peak = relayed.Count == 0 ? 0 : relayed.GroupBy(t => (long)((t - from).TotalSeconds / 10)).Max(g => g.Count()) / 10.0;
        return new OutboxStats(
            created.Count,
            created.Count(r => r.DispatchedAt is null),
            Spread.Of(created.Where(r => r.DispatchedAt is not null).Select(r => (r.DispatchedAt!.Value - r.CreatedAt).TotalSeconds)),
            relayed.Count / (to - from).TotalSeconds,
            peak);
    }

    /// <summary>
    /// Each reviewer works through its assigned claims (attach a source, propose a verdict); editors
    /// approve the proposals as they come. Stops when everything is done or the time is up.
    /// </summary>
    private static async Task<ReviewStats> ReviewAsync(FactCheckDbContext db, List<HttpClient> reviewers, List<HttpClient> editors, string[] ratings, TimeSpan limit)
    {
        var calls = new CallLog();
        var proposed = Channel.CreateUnbounded<Guid>();
        using var stop = new CancellationTokenSource(limit);
        var start = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var reviewing = reviewers.Select(http => ReviewerAsync(http, ratings, proposed.Writer, calls, stop.Token)).ToList();
        var approving = editors.Select(http => EditorAsync(http, proposed.Reader, calls, stop.Token)).ToList();
        var reporting = ReportReviewProgressAsync(calls, clock, stop.Token);
        await Task.WhenAll(reviewing);
        proposed.Writer.Complete();
        await Task.WhenAll(approving);
        var seconds = clock.Elapsed.TotalSeconds;
        var timedOut = stop.IsCancellationRequested;
        await stop.CancelAsync();
        await reporting;

        // Extraction may still be going on (when the assignment phase timed out): count only review moves.
        string[] reviewMoves = [nameof(ClaimStatus.InProgress), nameof(ClaimStatus.VerdictProposed), nameof(ClaimStatus.Published)];
        var moves = await db.ClaimEvents.AsNoTracking()
            .Where(e => e.Kind == ClaimEventKind.StatusChanged && e.OccurredAt >= start && reviewMoves.Contains(e.To))
            .CountAsync();
        var statuses = (await db.Claims.AsNoTracking().GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Count);
        return new ReviewStats(start, seconds, timedOut, moves, statuses, calls);
    }

    private static async Task ReviewerAsync(HttpClient http, string[] ratings, ChannelWriter<Guid> proposed, CallLog calls, CancellationToken stop)
    {
        var refused = new HashSet<Guid>();
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var mine = await calls.GetAsync(http, "list my assigned claims", "/api/claims?assignee=me&status=Assigned&pageSize=200");
            var ids = mine?.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).Where(id => !refused.Contains(id)).ToList() ?? [];
            if (ids.Count == 0)
                return;
            foreach (var id in ids)
            {
                if (stop.IsCancellationRequested)
                    return;
                var source = new { url = $"https://example.org/evidence/{id}", title = "Official figures", publisher = "Statistics office", excerpt = "The figures as published.", stance = "Supports" };
                var verdict = new { rating = ratings[n++ % ratings.Length], rationale = "The official figures and the claim agree." };
                if (await calls.PostAsync(http, "attach source", $"/api/claims/{id}/sources", source)
                    && await calls.PostAsync(http, "propose verdict", $"/api/claims/{id}/verdict", verdict))
                    await proposed.WriteAsync(id, CancellationToken.None);
                else
                    refused.Add(id);
            }
        }
    }

    private static async Task EditorAsync(HttpClient http, ChannelReader<Guid> proposed, CallLog calls, CancellationToken stop)
    {
        try
        {
            // ReadAllAsync drains what is buffered without looking at the token: check it per claim.
            await foreach (var id in proposed.ReadAllAsync(stop))
            {
                if (stop.IsCancellationRequested)
                    return;
                await calls.PostAsync(http, "approve and publish", $"/api/claims/{id}/verdict/approve", new { comment = "Approved." });
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Time is up: what is left stays proposed.
        }
    }

    private static async Task ReportReviewProgressAsync(CallLog calls, Stopwatch clock, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(ProgressEvery, stop);
                Progress($"{clock.Elapsed.TotalSeconds,5:F0} s: {calls.Succeeded("attach source")} sources, {calls.Succeeded("propose verdict")} verdicts, {calls.Succeeded("approve and publish")} approved");
            }
        }
        catch (OperationCanceledException)
        {
            // phase over
        }
    }

    private static void Report(
        PipelineOptions options, string mode, BaselineResult baseline, int articles, int perArticle, double submitSeconds, bool allAssigned,
        AssignmentStats a, OutboxStats aOutbox, ReviewStats r, OutboxStats rOutbox, int reviewers, int editors)
    {
        var transport = options.Embedded ? "in-memory transport" : "RabbitMQ, its own vhost, publisher confirms";
        var claimsPerSecond = a.Assigned / a.Seconds;
        var assignTransitions = a.Transitions / a.Seconds;
        var reviewTransitions = r.Transitions / r.Seconds;

        Line($"Pipeline ({mode})");
        Line($"  raw MassTransit publish+consume, empty message ({transport})");
        Row($"{baseline.Messages:N0} messages, {RawBusBaseline.InFlight} publishes in flight", $"{baseline.Concurrent,10:N0} msg/s");
        Row($"{baseline.SequentialMessages:N0} messages, each publish awaited (as the outbox relays)", $"{baseline.Sequential,10:N0} msg/s");
        Line($"  submission -> assignment: {articles * perArticle:N0} claims in {articles:N0} articles of {perArticle} claims (+1 warm-up article, not counted)");
        if (!allAssigned)
            Line($"  INCOMPLETE after {options.AssignTimeout.TotalSeconds:F0} s: {a.ArticlesExtracted:N0} of {articles:N0} articles extracted, {a.Assigned:N0} of {articles * perArticle:N0} claims assigned; the figures below are for those");
        Row("articles submitted through the API", $"{submitSeconds,10:F1} s ({articles / submitSeconds:F0}/s, {SubmitConcurrency} at a time)");
        Row("first submission -> last assignment", $"{a.Seconds,10:F1} s");
        Row("claims assigned/s", $"{claimsPerSecond,10:F1}");
        Row("status transitions/s (New->Queued->Assigned)", $"{assignTransitions,10:F1} ({a.Transitions:N0})");
        Row("submission -> assignment, per claim", a.ToAssignment.Seconds());
        Row("  submission -> article stored (outbox, bus)", a.ToStored.Seconds());
        Row("  stored -> extraction starts (relay, extraction queue)", a.WaitForExtraction.Seconds());
        Row("  extraction: detector + claims written, per article", a.Detection.Seconds());
        Row("", FormattableString.Invariant($"{a.ExtractionsPerSecond:F2} articles/s, {a.ExtractionsAtOnce:F1} at once on average"));
        Row("  extracted -> assigned (relay, assignment queue)", a.ExtractedToAssigned.Seconds());
        Row("outbox: an event's wait until the broker has it", aOutbox.Delay.Seconds());
        Row("", aOutbox.Describe());

        var published = r.Statuses.GetValueOrDefault(ClaimStatus.Published);
        var total = r.Statuses.Values.Sum();
        Line($"  review phase: {reviewers} reviewers and {editors} editors, one HTTP client each; attach source, propose verdict, approve");
        Line($"  ({(r.TimedOut ? $"stopped at the {options.ReviewTime.TotalSeconds:F0} s cap" : "every assigned claim done")}: {published:N0} of {total:N0} claims published; now {string.Join(", ", r.Statuses.Select(s => $"{s.Key} {s.Value:N0}"))})");
        Row("phase duration", $"{r.Seconds,10:F1} s");
        Row("claims published/s", $"{published / r.Seconds,10:F1}");
        Row("status transitions/s (->InProgress->VerdictProposed->Published)", $"{reviewTransitions,10:F1} ({r.Transitions:N0})");
        foreach (var kind in new[] { "attach source", "propose verdict", "approve and publish", "list my assigned claims" })
            Row($"  {kind}: {r.Calls.Succeeded(kind):N0} requests", r.Calls.Latency(kind).Milliseconds());
        Row("failed requests", r.Calls.FailureSummary());
        Row("outbox: an event's wait until the broker has it", rOutbox.Delay.Seconds());
        Row("", rOutbox.Describe());

        Line($"  headline, against raw publish+consume (the better of the two: {baseline.Best:N0} msg/s)");
        Row("claims assigned/s / raw msg/s", Ratio(claimsPerSecond, baseline.Best));
        Row("review transitions/s / raw msg/s", Ratio(reviewTransitions, baseline.Best));
        Row("assignment transitions/s / raw msg/s", Ratio(assignTransitions, baseline.Best));
    }

    private static string Ratio(double rate, double raw) =>
        FormattableString.Invariant($"{rate / raw,10:F4} (1 : {raw / rate:F0})");

    private static string WebLogSummary(string log)
    {
        if (!File.Exists(log))
            return "none";
        var lines = File.ReadAllLines(log);
        var warnings = lines.Count(l => l.StartsWith("warn:", StringComparison.Ordinal));
        var errors = lines.Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        var firsts = lines.Select((l, i) => (l, i))
            .Where(x => x.l.StartsWith("warn:", StringComparison.Ordinal) || x.l.StartsWith("fail:", StringComparison.Ordinal) || x.l.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => x.l + (x.i + 1 < lines.Length ? " " + lines[x.i + 1].Trim() : ""))
            .Distinct().Take(5).ToList();
        // Someone else's test stopping the shared broker disturbs the figures: say so.
        var brokerLost = lines.Count(l => l.Contains("CONNECTION_FORCED", StringComparison.Ordinal) || l.Contains("Connection Failed:", StringComparison.Ordinal));
        return FormattableString.Invariant($"{warnings} warnings, {errors} errors")
            + (brokerLost > 0 ? FormattableString.Invariant($"; THE BROKER CONNECTION WAS LOST {brokerLost} times, figures disturbed") : "")
            + string.Concat(firsts.Select(f => Environment.NewLine + "    " + f));
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return FormattableString.Invariant(
            $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:F0} GiB, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average {LoadAverage()}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";

    private static async Task<string> ServiceVersionsAsync(string connection)
    {
        await using var postgres = new NpgsqlConnection(connection);
        await postgres.OpenAsync();
        await using var version = new NpgsqlCommand("SHOW server_version", postgres);
        var rabbit = (await Sandbox.RabbitMqCtlAsync("version")).Trim();
        return $"PostgreSQL {await version.ExecuteScalarAsync()}, RabbitMQ {rabbit}";
    }

    private static void Line(FormattableString text) => Console.WriteLine(FormattableString.Invariant(text));

    private static void Line() => Console.WriteLine();

    private static void Row(string label, string value) => Console.WriteLine($"    {label,-66} {value}");

    /// <summary>Progress goes to stderr, so stdout keeps just the figures.</summary>
    private static void Progress(string text) =>
        Console.Error.WriteLine(FormattableString.Invariant($"[{DateTime.Now:HH:mm:ss}] {text}"));
}
