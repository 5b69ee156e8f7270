using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.RealServices;

[Trait("Category", "RealServices")]
public sealed class RealServicesWorkflowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sample_article_goes_from_submission_to_a_published_verdict_on_rabbitmq_and_postgresql()
    {
        await using var app = new FactCheckApp(await TestStack.RealAsync());
        var elapsed = await ClaimWorkflowScenario.RunAsync(app, output);
        Assert.True(elapsed < TimeSpan.FromSeconds(60));
    }
}
