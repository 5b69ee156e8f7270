using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace FactCheck.Benchmarks;

/// <summary>The simulated people's requests: latency of each that succeeded, and what failed, by kind.</summary>
internal sealed class CallLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _latency = [];
    private readonly Dictionary<string, int> _failed = [];
    private readonly List<string> _samples = [];

    public Task<bool> PostAsync(HttpClient http, string kind, string path, object body) =>
        SendAsync(kind, () => http.PostAsJsonAsync(path, body), _ => Task.CompletedTask);

    public async Task<JsonElement?> GetAsync(HttpClient http, string kind, string path)
    {
        JsonElement? result = null;
        await SendAsync(kind, () => http.GetAsync(path), async r => result = await r.Content.ReadFromJsonAsync<JsonElement>());
        return result;
    }

    public int Succeeded(string kind)
    {
        lock (_gate)
            return _latency.TryGetValue(kind, out var times) ? times.Count : 0;
    }

    public Spread Latency(string kind)
    {
        lock (_gate)
            return Spread.Of(_latency.GetValueOrDefault(kind) ?? []);
    }

    public string FailureSummary()
    {
        lock (_gate)
        {
            return _failed.Count == 0
                ? "none"
                : string.Join("; ", _failed.Select(f => FormattableString.Invariant($"{f.Key} x{f.Value}"))) + string.Concat(_samples.Select(s => Environment.NewLine + "      " + s));
        }
    }

    private async Task<bool> SendAsync(string kind, Func<Task<HttpResponseMessage>> call, Func<HttpResponseMessage, Task> read)
    {
        var clock = Stopwatch.StartNew();
        string failure;
        try
        {
            using var response = await call();
            if (response.IsSuccessStatusCode)
            {
                await read(response);
                Record(kind, clock.Elapsed.TotalMilliseconds);
                return true;
            }

            var body = await response.Content.ReadAsStringAsync();
            failure = FormattableString.Invariant($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            failure = ex.GetType().Name + ": " + ex.Message;
        }

        lock (_gate)
        {
            var key = $"{kind} {failure.Split(':')[0]}";
            _failed[key] = _failed.GetValueOrDefault(key) + 1;
            if (_samples.Count < 3)
                _samples.Add($"{kind}: {failure}");
        }

        return false;
    }

    private void Record(string kind, double milliseconds)
    {
        lock (_gate)
        {
            if (!_latency.TryGetValue(kind, out var times))
                _latency[kind] = times = [];
            times.Add(milliseconds);
        }
    }
}
