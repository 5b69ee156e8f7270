using System.Net;
using System.Net.Http.Json;
using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FactCheck.Tests.Browser;

/// <summary>
/// A poison message on the real RabbitMQ: after the retries it waits in its error queue with the
/// reason, the admin page shows it, and once its cause is mended the admin retries it there. Other
/// articles keep flowing meanwhile.
/// </summary>
[Trait("Category", "RealServices")]
public sealed class FailedMessagesTests(ITestOutputHelper output) : BrowserTest(output, realServices: true)
{
    [Fact(Timeout = Faults.OutageTests.FaultTimeout)]
    public async Task A_poison_message_is_shown_in_the_admin_page_with_its_reason_and_retried_there_while_other_articles_flow()
    {
        var app = Browser.App;
        await app.CreateUserAsync("ada@newsroom.test", "Ada Admin", ["Admin"]);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);

        // The poison: extraction of an article that is not (yet) stored fails every retry.
        var missing = Guid.NewGuid();
        await app.Services.GetRequiredService<IBus>().Publish(new ArticleReceived(missing, "Late article", null, null, "en", DateTime.UtcNow));
        var failed = await Eventually.Until(
            () => app.Services.GetRequiredService<ErrorQueues>().ListAsync(CancellationToken.None), f => f.Count == 1, TimeSpan.FromSeconds(60), "the message in an error queue");
        Assert.Equal("extract-claims_error", failed[0].ErrorQueue);

        // The stream keeps flowing: an article submitted after it is extracted and queued (the browser app leaves claims in the queue).
        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        var accepted = await (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).Content.ReadFromJsonAsync<Web.Api.ArticleAccepted>();
        await Eventually.Until(
            () => app.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == accepted!.ArticleId && c.Status == Workflow.Claims.ClaimStatus.Queued)),
            n => n > 0, TimeSpan.FromSeconds(60), "the next article's claims to be queued");

        var admin = await Browser.SignInAsync("ada@newsroom.test", FactCheckApp.Password);
        await admin.GotoAsync("/admin");
        await BrowserApp.WaitForInteractiveAsync(admin);
        var row = admin.Locator($"tr[data-message='{failed[0].MessageId}']");
        await Expect(row).ToContainTextAsync("extract-claims_error");
        await Expect(row).ToContainTextAsync($"Article {missing} does not exist.");
        await BrowserApp.ScreenshotAsync(admin, "failed-messages");

        // Mend the cause, then retry from the page: the message is handled and leaves the list.
        await app.WithDbAsync(async db =>
        {
            db.Articles.Add(new Article(missing, "Late article", "The city spent 4.2 million dollars on 120 new buses in 2023, the mayor said.", "en", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("sent back");
        await Eventually.Until(
            () => app.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == missing)), n => n > 0, TimeSpan.FromSeconds(60), "claims of the retried article");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Expect(admin.GetByTestId("no-failed-messages")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/articles/{missing}")).StatusCode);
    }
}
