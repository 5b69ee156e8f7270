using System.Diagnostics;

namespace FactCheck.Benchmarks;

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
