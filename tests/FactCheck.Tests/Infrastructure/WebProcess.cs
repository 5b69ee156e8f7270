using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// FactCheck.Web as a process of its own on a test's stack, on a free loopback port, with a home
/// folder of its own: there ASP.NET Core would keep its Data Protection keys if nothing else did, so
/// two of these share no file, as two machines would not.
/// </summary>
public sealed class WebProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private WebProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    public Uri Url { get; }

    public static WebProcess Start(TestStack stack, string home, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        var dll = BuiltProgram.PathOf("FactCheck.Web");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        // Where .NET and ASP.NET Core look for a user's folders on Linux: all of them in this process's home.
        foreach (var variable in new[] { "LOCALAPPDATA", "USERPROFILE", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
            start.Environment.Remove(variable);
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__FactCheck"] = stack.ConnectionString;
        start.Environment["ConnectionStrings__RabbitMq"] = stack.RabbitMq;
        start.Environment["FactCheck__Database__Provider"] = stack.Provider;
        start.Environment["FactCheck__Bus__Transport"] = stack.Transport;
        start.Environment["FactCheck__Demo__Seed"] = "false";
        start.Environment["FactCheck__LinkCheck__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new WebProcess(ChildProcess.Start(start), url);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 (migrations applied, bus started); fails early if the process exits.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The web process exited with {_process.ExitCode} before it was ready:\n{await _output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The web process on {Url} was not ready within {timeout}.");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL: nothing the process kept only in memory survives.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>What the process logged (once it has exited).</summary>
    public Task<string> OutputAsync() => _output;

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
