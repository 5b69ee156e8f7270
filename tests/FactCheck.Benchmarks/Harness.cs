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
