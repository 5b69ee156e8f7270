using System.ComponentModel;
using System.Diagnostics;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// Processes to kill later, remembered by id and start time (so that a caller may dispose its
/// <see cref="Process"/>, and a recycled id is never mistaken for one of them).
/// </summary>
public sealed class ProcessTracker
{
    private readonly Lock _gate = new();
    private readonly List<(int Id, DateTime StartTime)> _processes = [];

    public void Track(Process process)
    {
        DateTime startTime;
        try
        {
            startTime = process.StartTime;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            return; // already exited (and reaped: /proc has nothing left to read, a Win32Exception)
        }

        lock (_gate)
        {
            _processes.RemoveAll(p => !IsRunning(p));
            _processes.Add((process.Id, startTime));
        }
    }

    /// <summary>Kills each tracked process that still runs, with its process tree; returns how many.</summary>
    public int KillRunning()
    {
        (int Id, DateTime StartTime)[] tracked;
        lock (_gate)
        {
            tracked = [.. _processes];
            _processes.Clear();
        }

        var killed = 0;
        foreach (var entry in tracked)
        {
            using var process = Find(entry);
            if (process is null)
                continue;
            try
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                // It exited meanwhile, or cannot be killed: nothing more to do at exit.
            }
        }

        return killed;
    }

    private static bool IsRunning((int Id, DateTime StartTime) entry)
    {
        using var process = Find(entry);
        return process is not null;
    }

    private static Process? Find((int Id, DateTime StartTime) entry)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(entry.Id);
        }
        catch (ArgumentException)
        {
            return null; // not running
        }

        try
        {
            if (!process.HasExited && process.StartTime == entry.StartTime)
                return process;
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // exited between the two calls
        }

        process.Dispose();
        return null;
    }
}
