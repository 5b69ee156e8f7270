using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactCheck.Testing;
using Microsoft.Playwright;

namespace FactCheck.Benchmarks;

/// <summary>
/// Measures the web UI as an editor meets it: the desk's load time with the demo article (18 claims,
/// the baseline) and again with 1,000+ claims, and how long a status change made through the API
/// takes to appear on an open desk (against the API call's own round trip). Runs the built web app
/// in embedded mode as a process of its own and drives Debian's Chromium.
/// </summary>
public static class UiHarness
{
    private const string Password = "FactCheck-demo-2026";
    private const int Rounds = 15;

    public static async Task<int> RunAsync(string[] args)
    {
        var targetClaims = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var database = Path.Combine(Path.GetTempPath(), $"factcheck-ui-harness-{Guid.NewGuid():N}.db");

        var web = Harness.StartWeb(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // serves the framework's blazor.web.js from the build output
            ["ConnectionStrings__FactCheck"] = $"Data Source={database}",
            ["FactCheck__Workflow__RunJobs"] = "false",
            ["FactCheck__LinkCheck__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = web.BaseAddress };
            await Harness.WaitAsync(async () => (await http.GetAsync("/health")).IsSuccessStatusCode, "the web app to start");
            var token = await (await http.PostAsJsonAsync("/api/auth/login", new { email = "editor@factcheck.local", password = Password })).Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            await Harness.WaitAsync(async () => await TotalClaimsAsync(http) > 0, "the demo article's claims");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.ExecutablePath, Headless = true, Args = Chromium.Args });
            var context = await browser.NewContextAsync(new() { BaseURL = web.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/login");
            await page.GetByLabel("Email").FillAsync("editor@factcheck.local");
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

            var small = await TotalClaimsAsync(http);
            var baseline = await DeskLoadAsync(page);

            var article = await File.ReadAllTextAsync(BenchmarkData.Path("article.txt"));
            var submitted = Stopwatch.StartNew();
            for (var i = 0; await TotalClaimsAsync(http) < targetClaims; i++)
            {
                var response = await http.PostAsJsonAsync("/api/articles", new { title = $"Load article {i}", text = article, outlet = "Harness", beat = "defence" });
                response.EnsureSuccessStatusCode();
                await Harness.WaitAsync(async () => await TotalClaimsAsync(http) >= small * (i + 2), $"article {i} to be extracted");
            }

            var large = await TotalClaimsAsync(http);
            Console.WriteLine($"seeded {large} claims in {submitted.Elapsed.TotalSeconds:F1} s through the API and the detector");
            var loaded = await DeskLoadAsync(page);
            var (propagation, roundTrip) = await PropagationAsync(page, http);

            Console.WriteLine();
            Console.WriteLine($"Web UI harness ({Rounds} rounds each, Chromium headless, this machine)");
            Report($"desk load, {small} claims (baseline)", baseline, baseline);
            Report($"desk load, {large} claims", loaded, baseline);
            Report("API status change, round trip (baseline)", roundTrip, roundTrip);
            Report("status change visible on an open desk", propagation, roundTrip);
            return 0;
        }
        finally
        {
            await web.DisposeAsync();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                File.Delete(file);
        }
    }

    /// <summary>From navigation to the desk until its claims table is shown and the page is interactive.</summary>
    private static async Task<List<double>> DeskLoadAsync(IPage page)
    {
        var times = new List<double>();
        for (var round = 0; round <= Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            await page.GotoAsync("/desk");
            await page.Locator("body[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.Locator("table[aria-label=Claims] tbody tr").First.WaitForAsync();
            if (round > 0) // the first round warms up the server and the browser
                times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Dismisses and restores the desk's top claim through the API; times until the open desk shows each change.</summary>
    private static async Task<(List<double> Visible, List<double> RoundTrip)> PropagationAsync(IPage page, HttpClient http)
    {
        await page.GotoAsync("/desk");
        await page.Locator("body[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var id = await page.Locator("table[aria-label=Claims] tbody tr").First.GetAttributeAsync("data-claim");
        var row = page.Locator($"tr[data-claim='{id}']");
        var visible = new List<double>();
        var roundTrip = new List<double>();
        for (var round = 0; round <= Rounds * 2; round++)
        {
            var dismiss = round % 2 == 0;
            var clock = Stopwatch.StartNew();
            var response = dismiss
                ? await http.PostAsJsonAsync($"/api/claims/{id}/dismiss", new { reason = "harness" })
                : await http.PostAsync($"/api/claims/{id}/restore", null);
            var called = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            // A restored claim is queued and may be assigned at once by the policy.
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", dismiss ? new Regex("^Dismissed$") : new Regex("^(Queued|Assigned)$"), new() { Timeout = 10_000 });
            if (round > 0)
            {
                visible.Add(clock.Elapsed.TotalMilliseconds);
                roundTrip.Add(called);
            }
        }

        return (visible, roundTrip);
    }

    private static void Report(string what, List<double> times, List<double> baseline)
    {
        times.Sort();
        var median = Harness.Percentile(times, 0.5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-44} median {median,7:F0} ms  p90 {Harness.Percentile(times, 0.9),7:F0} ms  max {times[^1],7:F0} ms  ratio {median / Harness.Percentile([.. baseline.Order()], 0.5),5:F2}"));
    }

    private static async Task<int> TotalClaimsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/claims?pageSize=1")).GetProperty("total").GetInt32();
}
