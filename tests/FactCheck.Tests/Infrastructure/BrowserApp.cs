using System.Net;
using FactCheck.Testing;
using FactCheck.Web.Demo;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// The embedded app on a real Kestrel port with its demo newsroom, driven by Debian's Chromium
/// through Playwright (never a downloaded browser). Claims are left in the queue (pull mode), so
/// reviewers take them with "Take next". With <paramref name="realServices"/>: on RabbitMQ and
/// PostgreSQL instead, where there is no demo newsroom (a test creates its users).
/// </summary>
public sealed class BrowserApp(bool realServices = false) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FactCheckApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What the browser reported going wrong (console errors, failed requests), for a failing test's output.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> Log { get; } = [];

    public static string ScreenshotDirectory => Path.Combine(RepositoryRoot.Find(), "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium.ExecutablePath;
        if (!File.Exists(chromium))
        {
            var message = $"Browser test: Chromium not found at {chromium} (apt-get install chromium, or set {Chromium.PathVariable}); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable(TestStack.RequireVariable) == "1")
                Assert.Fail(message);
            Assert.Skip(message);
        }

        App = new FactCheckApp(realServices ? await TestStack.RealAsync() : TestStack.Embedded(), new Dictionary<string, string?>
        {
            ["FactCheck:Demo:Seed"] = "true",
            ["FactCheck:Workflow:AutoAssign"] = "false",
            ["FactCheck:Workflow:RunJobs"] = "false",
        });
        App.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
        Directory.CreateDirectory(ScreenshotDirectory);

        // The sample article is submitted at start-up; wait until its claims are in the queue.
        if (realServices)
            return;
        await Eventually.Until(
            () => App.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == IdentitySeeder.SampleArticleId && c.Status == ClaimStatus.Queued)),
            count => count > 0,
            TimeSpan.FromSeconds(60),
            "the sample article's claims to be queued");
    }

    /// <summary>A fresh browser context (its own cookies and storage) signed in as a demo user (or another, with its password).</summary>
    public async Task<IPage> SignInAsync(string email, string password = IdentitySeeder.DemoPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") Log.Add($"console {message.Type}: {message.Text}"); };
        page.RequestFailed += (_, request) => Log.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) Log.Add($"HTTP {response.Status}: {response.Url}"); };
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Blazor has connected its circuit: clicks from now on reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.Locator("body[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The page as it stands, and again at a phone's width (<c>name-phone.png</c>), for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + "-phone.png"), FullPage = true });
        if (size is not null)
            await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
    }
}
