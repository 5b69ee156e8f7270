using System.Diagnostics;
using System.Net.Http.Json;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// FactCheck.Web as a process of its own on a free loopback port, as a newsroom runs it, so a test
/// can stop it the hard way (SIGKILL) or the normal way (SIGTERM) and start it again. Given a home
/// folder, the process keeps its user files there (where ASP.NET Core would keep Data Protection keys
/// if nothing else did), so two of these share no file, as two machines would not.
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
    public static async Task<WebProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings, ITestOutputHelper? log = null, string? home = null, TimeSpan? readyWithin = null)
    {
        var dll = BuiltProgram.PathOf("FactCheck.Web");
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseAddress.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (home is not null)
        {
            // Where .NET and ASP.NET Core look for a user's folders on Linux: all of them in this home.
            foreach (var variable in new[] { "LOCALAPPDATA", "USERPROFILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
                start.Environment.Remove(variable);
            start.Environment["HOME"] = home;
            start.Environment["DOTNET_CLI_HOME"] = home;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
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
        var tokens = await BearerTokens.LogInAsync(client, email, password);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>SIGKILL: nothing the process kept only in memory survives.</summary>
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
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode} before it was ready.");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The web app on {BaseAddress} was not ready within {within}.");
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
}
