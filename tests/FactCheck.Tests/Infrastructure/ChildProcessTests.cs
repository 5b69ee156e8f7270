using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>The safety net behind <see cref="ChildProcess"/>: what a test started is killed, with its children, when the test process exits.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_tracked_process_that_still_runs_is_killed_with_its_children()
    {
        if (!OperatingSystem.IsLinux())
            Assert.Skip("Reads /proc to see the grandchild die.");
        var start = new ProcessStartInfo("bash", ["-c", "sleep 300 & echo $!; wait"]) { RedirectStandardOutput = true };
        using var parent = ChildProcess.Start(start);
        var grandchild = int.Parse((await parent.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
        var finished = new ProcessStartInfo("true");
        using var exited = ChildProcess.Start(finished);
        await exited.WaitForExitAsync(TestContext.Current.CancellationToken);

        var tracker = new ProcessTracker();
        tracker.Track(parent);
        tracker.Track(exited);
        Assert.Equal(1, tracker.KillRunning());

        await parent.WaitForExitAsync(TestContext.Current.CancellationToken);
        await Eventually.Until(() => Task.FromResult(Gone(grandchild)), gone => gone, TimeSpan.FromSeconds(10), $"the grandchild {grandchild} to be killed");
        Assert.Equal(0, tracker.KillRunning());
    }

    /// <summary>No such process, or a zombie (killed, not yet reaped by whoever adopted it).</summary>
    private static bool Gone(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return true;
        }
    }
}
