using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace FactCheck.Tests.Infrastructure;

/// <summary>An outside system's own queue bound to a FactCheck exchange with a plain AMQP client: every message it got, with its message id.</summary>
public sealed class IntegratorQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<(string MessageId, JsonElement Message)> _received = new();

    private IntegratorQueue(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyList<(string MessageId, JsonElement Message)> Received => [.. _received];

    /// <summary>Binds a durable queue (it keeps what arrives while nobody listens, as an integrator's would).</summary>
    public static async Task<IntegratorQueue> StartAsync(string rabbitMq, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(rabbitMq), AutomaticRecoveryEnabled = true }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = $"integrator.{exchange}";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
        var integrator = new IntegratorQueue(connection, channel);
        var listener = new AsyncEventingBasicConsumer(channel);
        listener.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body.ToArray());
            var root = envelope.RootElement;
            integrator._received.Enqueue((root.GetProperty("messageId").GetString()!, root.GetProperty("message").Clone()));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, listener);
        return integrator;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
