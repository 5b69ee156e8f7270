using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FactCheck.Testing;

namespace FactCheck.Benchmarks;

/// <summary>What the load harnesses share: finding the built apps, free ports, waiting, percentiles.</summary>
internal static class Harness
{
    /// <summary>The configuration this harness was built in, so it runs the web app built alongside it.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string WebDll =>
        Path.Combine(RepositoryRoot.Find(), "src", "FactCheck.Web", "bin", Configuration, "net10.0", "FactCheck.Web.dll");

    public static async Task WaitAsync(Func<Task<bool>> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            try
            {
                if (await done())
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The p-quantile (0..1) of sorted values, nearest rank.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    /// <summary>
    /// Starts the built web app as a process of its own on a free loopback port. Its console goes to
    /// <paramref name="log"/> when given (stdout and stderr both), else only stderr is echoed.
    /// </summary>
    public static WebProcess StartWeb(IReadOnlyDictionary<string, string> environment, string? log = null, string? dll = null)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        return new WebProcess(StartWebProcess(baseUrl, environment, dll), new Uri(baseUrl), log);
    }

    /// <summary>The built web app (or another build's <paramref name="dll"/>) on <paramref name="baseUrl"/>, its output redirected for the caller to read.</summary>
    public static Process StartWebProcess(string baseUrl, IReadOnlyDictionary<string, string> environment, string? dll = null)
    {
        dll ??= WebDll;
        if (!File.Exists(dll))
            throw new FileNotFoundException($"Build the web app first ({Configuration}): {dll}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", baseUrl])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return Process.Start(start)!;
    }
}

/// <summary>The web app running as a child process; disposing it kills it.</summary>
internal sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly bool _echo;
    private StreamWriter? _log;

    public WebProcess(Process process, Uri baseAddress, string? log)
    {
        _process = process;
        BaseAddress = baseAddress;
        _echo = log is null;
        if (log is not null)
            _log = new StreamWriter(log) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data, echo: false);
        _process.ErrorDataReceived += (_, e) => Write(e.Data, echo: _echo);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGTERM, as a service manager stops it; waits until it has exited.</summary>
    public async Task TerminateAsync(TimeSpan within)
    {
        if (_process.HasExited)
            return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!)
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL: nothing the process kept only in memory survives.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_gate)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Write(string? line, bool echo)
    {
        if (line is null)
            return;
        if (echo)
            Console.Error.WriteLine($"[web] {line}");
        lock (_gate)
            _log?.WriteLine(line);
    }
}
