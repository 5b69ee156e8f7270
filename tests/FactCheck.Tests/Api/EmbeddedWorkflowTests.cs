using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Api;

public sealed class EmbeddedWorkflowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sample_article_goes_from_submission_to_a_published_verdict_on_sqlite_and_the_in_memory_bus()
    {
        await using var app = new FactCheckApp(TestStack.Embedded());
        var elapsed = await ClaimWorkflowScenario.RunAsync(app, output);
        Assert.True(elapsed < TimeSpan.FromSeconds(60));
    }
}
