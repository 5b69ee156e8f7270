using System.Diagnostics;
using System.Net.Http.Json;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// FactCheck.Web as a process of its own on a free loopback port, as a newsroom runs it, so a test
/// can stop it the hard way (SIGKILL) or the normal way (SIGTERM) and start it again.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _output;

    private WebProcess(Process process, Uri baseAddress, ITestOutputHelper? log)
    {
        _process = process;
        BaseAddress = baseAddress;
        var name = $"web:{process.Id}";
        _output = Task.WhenAll(Echo(process.StandardOutput, name, log), Echo(process.StandardError, name, log));
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the built web app with these settings (environment variables) and waits until it is ready.</summary>
    public static async Task<WebProcess> StartAsync(IReadOnlyDictionary<string, string> settings, ITestOutputHelper? log = null, TimeSpan? readyWithin = null)
    {
        var dll = BuiltProgram.PathOf("FactCheck.Web");
        var baseAddress = new Uri($"http://127.0.0.1:{WorkerProcess.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["FactCheck__LinkCheck__Enabled"] = "false";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;

        var web = new WebProcess(ChildProcess.Start(start), baseAddress, log);
        try
        {
            await web.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
            return web;
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client signed in with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<LoginResult>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown at all.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager or an orchestrator stops it; waits for it to exit.</summary>
    public async Task TerminateAsync(TimeSpan? within = null)
    {
        if (_process.HasExited)
            return;
        using (var kill = ChildProcess.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        await _output;
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode} before it was ready.");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The web app was not ready within {within}.");
            await Task.Delay(200);
        }
    }

    private static async Task Echo(StreamReader reader, string name, ITestOutputHelper? log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            try
            {
                log?.WriteLine($"[{name}] {line}");
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }

    private sealed record LoginResult(string AccessToken);
}
