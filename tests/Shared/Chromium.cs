namespace FactCheck.Testing;

/// <summary>Debian's Chromium as this machine runs it: never a browser downloaded by Playwright.</summary>
public static class Chromium
{
    public const string PathVariable = "FACTCHECK_TEST_CHROMIUM";

    // Without the background-networking flags Chromium keeps dialling out of this closed network.
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
}
