using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Benchmarks;

/// <summary>What the API-load and scale harnesses add to <see cref="Harness"/>: the web app as a process, users, options, local services.</summary>
internal static class LoadHarness
{
    /// <summary>Starts the built web app on <paramref name="baseUrl"/>; its standard output goes to <paramref name="onOutput"/> (dropped when null), errors to ours.</summary>
    public static Process StartWebApp(string baseUrl, IReadOnlyDictionary<string, string> environment, Action<string>? onOutput = null)
    {
        var web = Harness.StartWebProcess(baseUrl, environment);
        web.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput?.Invoke(e.Data); };
        web.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[web] {e.Data}"); };
        web.BeginOutputReadLine();
        web.BeginErrorReadLine();
        return web;
    }

    public static async Task StopAsync(Process web)
    {
        if (!web.HasExited)
            web.Kill(entireProcessTree: true);
        await web.WaitForExitAsync();
    }

    public static Task WaitAsync(Func<Task<bool>> done, string what, int seconds = 120) => Harness.WaitAsync(done, what, TimeSpan.FromSeconds(seconds));

    public static Task WaitHealthyAsync(HttpClient http) =>
        WaitAsync(async () => (await http.GetAsync("/health")).IsSuccessStatusCode, "the web app to start (migrations included)", seconds: 180);

    /// <summary>A bearer token for the account.</summary>
    public static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Creates an account through the admin API; returns its user id.</summary>
    public static async Task<string> CreateUserAsync(HttpClient http, string adminToken, string email, string password, string role, int? capacity = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users")
        {
            Content = JsonContent.Create(new { email, password, displayName = email.Split('@')[0], roles = new[] { role }, capacity }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted.Count == 0 ? double.NaN : Harness.Percentile(sorted, p);

    /// <summary>Reads <c>--name value</c> from the arguments.</summary>
    public static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The 1, 5 and 15 minute load averages: on a shared 2-core machine, what else was running matters.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string MachineFacts() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
}
