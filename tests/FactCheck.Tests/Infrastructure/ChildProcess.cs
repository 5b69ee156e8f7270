using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// Starts a process from a test with a standard input of its own, closed at once. xUnit v3's test
/// process reads the runner's acknowledgements from its standard input; a child that inherits it
/// and reads it (rabbitmqctl does) takes them, and the run then waits for ever (it hung CI for 20 minutes).
/// </summary>
public static class ChildProcess
{
    public static Process Start(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {start.FileName}.");
        process.StandardInput.Close();
        return process;
    }
}
