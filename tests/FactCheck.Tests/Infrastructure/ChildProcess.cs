using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// Starts a process from a test with a standard input of its own, closed at once. xUnit v3's test
/// process reads the runner's acknowledgements from its standard input; a child that inherits it
/// and reads it (rabbitmqctl does) takes them, and the run then waits for ever.
/// Every process started here that still runs when the test process exits is killed with its
/// children: a test that fails or times out before it stops its worker leaves nothing behind.
/// </summary>
public static class ChildProcess
{
    private static readonly ProcessTracker Started = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Started.KillRunning();

    public static Process Start(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName}.");
        Started.Track(process);
        process.StandardInput.Close();
        return process;
    }
}
