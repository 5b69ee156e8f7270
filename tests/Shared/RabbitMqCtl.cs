using System.Diagnostics;

namespace FactCheck.Testing;

/// <summary>Runs <c>rabbitmqctl</c> on this machine's broker (virtual hosts for isolation, queue listings).</summary>
public static class RabbitMqCtl
{
    /// <param name="start">
    /// Starts the process. The tests pass <c>ChildProcess.Start</c>: rabbitmqctl reads its standard
    /// input, which must not be the test process's own (xUnit's acknowledgements arrive there).
    /// </param>
    /// <returns>What it printed.</returns>
    public static async Task<string> RunAsync(Func<ProcessStartInfo, Process> start, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(start);
        var info = new ProcessStartInfo("rabbitmqctl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = start(info);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {await stderr}");
        return stdout;
    }
}
