using Microsoft.Playwright;

namespace FactCheck.Tests.Infrastructure;

/// <summary>A browser test: a fresh app and browser per test; what the browser reported going wrong ends up in the output.</summary>
public abstract class BrowserTest(ITestOutputHelper output, bool realServices = false) : IAsyncLifetime
{
    protected BrowserApp Browser { get; } = new(realServices);

    protected ITestOutputHelper Output => output;

    public ValueTask InitializeAsync() => Browser.InitializeAsync();

    public ValueTask DisposeAsync()
    {
        foreach (var line in Browser.Log)
            output.WriteLine(line);
        GC.SuppressFinalize(this);
        return Browser.DisposeAsync();
    }

    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
