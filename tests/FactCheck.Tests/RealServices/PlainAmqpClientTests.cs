using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using FactCheck.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace FactCheck.Tests.RealServices;

/// <summary>An outside system with a plain AMQP client (no MassTransit) submits articles and listens to events.</summary>
[Trait("Category", "RealServices")]
public sealed class PlainAmqpClientTests : IAsyncLifetime
{
    private const string SubmitExchange = "factcheck.submit-article.v1";
    private const string StatusExchange = "factcheck.claim-status-changed.v1";
    private FactCheckApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = new FactCheckApp(await TestStack.RealAsync());
        await _app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_SubmitArticle_published_with_a_plain_client_creates_the_article_and_its_claims_and_status_events_flow_back()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(_app.Stack.RabbitMq!) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        // Our own queue for status events, bound to the documented exchange (declared idempotently: fanout, durable).
        await channel.ExchangeDeclareAsync(StatusExchange, ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, StatusExchange, "");
        var events = new ConcurrentQueue<JsonElement>();
        var listener = new AsyncEventingBasicConsumer(channel);
        listener.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body.ToArray());
            events.Enqueue(envelope.RootElement.GetProperty("message").Clone());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, listener);

        _ = _app.Server; // the app (and its bus topology) is up before we publish
        await channel.ExchangeDeclareAsync(SubmitExchange, ExchangeType.Fanout, durable: true);
        var articleId = Guid.NewGuid();
        await Publish(channel, new
        {
            articleId,
            title = "Flight PS752",
            text = "The Iranian army shot down a commercial aircraft that carried 176 people, including 57 Canadians. Iran has apologized and an investigation is ongoing.",
            outlet = "The Canadian Press",
            language = "en",
        });

        var claims = await AssignedArticle.StoredClaimsAsync(_app, articleId, "the plain client's article to be extracted and assigned", TimeSpan.FromSeconds(60));
        Assert.Equal("Flight PS752", await _app.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).Select(a => a.Title).SingleAsync()));

        var expected = claims.SelectMany(c => new[] { $"{c.Id}:New>Queued", $"{c.Id}:Queued>Assigned" }).ToHashSet();
        await Eventually.Until(
            () => Task.FromResult(events.Select(e => $"{e.GetProperty("claimId").GetGuid()}:{e.GetProperty("from").GetString()}>{e.GetProperty("to").GetString()}").ToHashSet()),
            seen => seen.IsSupersetOf(expected), what: "ClaimStatusChanged for every transition on our own queue");
    }

    [Fact]
    public async Task A_malformed_SubmitArticle_lands_in_the_error_queue_with_its_reason_and_the_stream_keeps_flowing()
    {
        _ = _app.Server;
        await using var connection = await new ConnectionFactory { Uri = new Uri(_app.Stack.RabbitMq!) }.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(SubmitExchange, ExchangeType.Fanout, durable: true);
            await Publish(channel, new { articleId = Guid.NewGuid(), title = "Nothing to see", text = "" });
            await Publish(channel, new { articleId = Guid.NewGuid(), title = "Budget", text = "The deficit reached 40 billion dollars in 2024, the finance minister said." });
        }

        var faulted = await Eventually.Until(() => GetFromQueue(connection, "submit-article_error"), m => m is not null, TimeSpan.FromSeconds(30), "a message in submit-article_error");
        var reason = Encoding.UTF8.GetString((byte[])faulted!.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains("The article has no text.", reason, StringComparison.Ordinal);

        await Eventually.Until(() => _app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Budget")), n => n == 1, what: "the good message after the bad one");
        Assert.Equal(0, await _app.WithDbAsync(db => db.Articles.CountAsync(a => a.Title == "Nothing to see")));
    }

    private static async Task Publish(IChannel channel, object message)
    {
        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(SubmitExchange, "", mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(message));
    }

    /// <summary>A fresh channel per look: asking for a queue that does not exist yet closes the channel.</summary>
    private static async Task<BasicGetResult?> GetFromQueue(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }
}
