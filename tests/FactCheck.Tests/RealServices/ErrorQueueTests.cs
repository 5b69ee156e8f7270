using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace FactCheck.Tests.RealServices;

/// <summary>The admin's view of RabbitMQ's error queues: look without taking, retry, discard.</summary>
[Trait("Category", "RealServices")]
public sealed class ErrorQueueTests : IAsyncLifetime
{
    private FactCheckApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new FactCheckApp(await TestStack.RealAsync());
        await _app.CreateUserAsync("admin@newsroom.test", "Ada Admin", ["Admin"]);
        await _app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private ErrorQueues Queues => _app.Services.GetRequiredService<ErrorQueues>();

    [Fact]
    public async Task A_rejected_submission_is_listed_with_its_reason_stays_listed_when_looked_at_and_can_be_discarded()
    {
        _ = _app.Server;
        await using (var connection = await new ConnectionFactory { Uri = new Uri(_app.Stack.RabbitMq!) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync("factcheck.submit-article.v1", ExchangeType.Fanout, durable: true);
            // No message id, as a careless plain client sends it: the admin can still act on it.
            var properties = new BasicProperties { ContentType = "application/json" };
            await channel.BasicPublishAsync("factcheck.submit-article.v1", "", false, properties, JsonSerializer.SerializeToUtf8Bytes(new { articleId = Guid.NewGuid(), title = "Empty", text = "" }));
        }

        var failed = await Eventually.Until(() => Queues.ListAsync(CancellationToken.None), f => f.Count == 1, TimeSpan.FromSeconds(30), "the rejected submission in an error queue");
        Assert.Equal("submit-article_error", failed[0].ErrorQueue);
        Assert.StartsWith("body-", failed[0].MessageId, StringComparison.Ordinal);
        Assert.Contains("The article has no text.", failed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Empty\"", failed[0].Body, StringComparison.Ordinal);

        // Looking does not take: the message is still there, and the admin API shows the same.
        using var admin = await _app.ClientForAsync("admin@newsroom.test");
        var listed = await admin.GetFromJsonAsync<List<FailedMessage>>("/api/admin/failed-messages");
        Assert.Equal(failed[0].MessageId, Assert.Single(listed!).MessageId);
        using var reviewer = await _app.ClientForAsync("rita@newsroom.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/admin/failed-messages")).StatusCode);

        var discard = await admin.DeleteAsync($"/api/admin/failed-messages/submit-article_error/{failed[0].MessageId}");
        Assert.Equal(HttpStatusCode.NoContent, discard.StatusCode);
        Assert.Empty(await Queues.ListAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/admin/failed-messages/submit-article_error/{failed[0].MessageId}")).StatusCode);
    }

    [Fact]
    public async Task A_message_that_failed_for_a_missing_article_succeeds_when_retried_after_the_article_exists()
    {
        var articleId = Guid.NewGuid();
        await _app.Services.GetRequiredService<IBus>().Publish(new ArticleReceived(articleId, "Late article", null, null, "en", DateTime.UtcNow));
        var failed = await Eventually.Until(() => Queues.ListAsync(CancellationToken.None), f => f.Count == 1, TimeSpan.FromSeconds(30), "the ArticleReceived in an error queue");
        Assert.Equal("extract-claims_error", failed[0].ErrorQueue);
        Assert.Contains(articleId.ToString(), failed[0].Reason, StringComparison.Ordinal);

        await _app.WithDbAsync(async db =>
        {
            db.Articles.Add(new Article(articleId, "Late article", "The city spent 4.2 million dollars on 120 new buses in 2023, the mayor said.", "en", DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        Assert.True(await Queues.RetryAsync(failed[0].ErrorQueue, failed[0].MessageId, CancellationToken.None));

        await Eventually.Until(() => _app.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == articleId)), n => n > 0, TimeSpan.FromSeconds(30), "claims of the retried article");
        Assert.Empty(await Queues.ListAsync(CancellationToken.None));
    }
}
