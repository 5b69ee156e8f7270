using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>FactCheck.Worker as a process of its own on a test's stack, with its health endpoints on a free port.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;

    private WorkerProcess(Process process, string healthUrl)
    {
        _process = process;
        HealthUrl = healthUrl;
        _output = process.StandardOutput.ReadToEndAsync();
    }

    public string HealthUrl { get; }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(TestStack stack, IReadOnlyDictionary<string, string>? settings = null)
    {
        var healthUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        start.ArgumentList.Add(BuiltProgram.PathOf("FactCheck.Worker"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["FactCheck__LinkCheck__Enabled"] = "false";
        start.Environment["Urls"] = healthUrl;
        foreach (var (key, value) in stack.Settings.Concat(settings ?? new Dictionary<string, string>()))
            start.Environment[key] = value;
        return new WorkerProcess(ChildProcess.Start(start), healthUrl);
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the broker.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>What the worker logged (after it has exited).</summary>
    public Task<string> OutputAsync() => _output;

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
