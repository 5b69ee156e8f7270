using System.Collections.Concurrent;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace FactCheck.Tests.RealServices;

/// <summary>A publishing system (a CMS, a partner) hears verdicts with only a plain AMQP client.</summary>
[Trait("Category", "RealServices")]
public sealed class PlainAmqpVerdictTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_plain_client_bound_to_verdict_published_receives_the_verdict_with_its_ClaimReview()
    {
        await using var app = new FactCheckApp(await TestStack.RealAsync());
        _ = app.Server;
        await using var connection = await new ConnectionFactory { Uri = new Uri(app.Stack.RabbitMq!) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("factcheck.verdict-published.v1", ExchangeType.Fanout, durable: true);
        var queue = await channel.QueueDeclareAsync("cms-verdicts", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue.QueueName, "factcheck.verdict-published.v1", "");
        var received = new ConcurrentQueue<(string? MessageType, JsonElement Message)>();
        var listener = new AsyncEventingBasicConsumer(channel);
        listener.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body.ToArray());
            received.Enqueue((envelope.RootElement.GetProperty("messageType")[0].GetString(), envelope.RootElement.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, listener);

        await ClaimWorkflowScenario.RunAsync(app, output);

        var published = await app.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.Verdicts).SingleAsync(c => c.Status == ClaimStatus.Published));
        var (type, message) = await Eventually.Until(() => Task.FromResult(received.FirstOrDefault()), m => m.MessageType is not null, TimeSpan.FromSeconds(30), "VerdictPublished on our queue");
        Assert.Equal(ContractCatalog.All.Single(c => c.Type == typeof(VerdictPublished)).MessageType, type);
        Assert.Equal(published.Id, message.GetProperty("claimId").GetGuid());
        Assert.Equal(published.CurrentVerdict!.Rating, message.GetProperty("rating").GetString());
        using var claimReview = JsonDocument.Parse(message.GetProperty("claimReviewJsonLd").GetString()!);
        Assert.Equal("ClaimReview", claimReview.RootElement.GetProperty("@type").GetString());
        Assert.Equal(published.Statement, claimReview.RootElement.GetProperty("claimReviewed").GetString());
        Assert.Single(received);
    }
}
