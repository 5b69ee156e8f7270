using System.Text;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Sources;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// The RabbitMQ error queues of the workflow's consumers (<c>{queue}_error</c>), for the admin page:
/// look without taking (messages are read unacknowledged and go back when the channel closes),
/// retry (back to the queue it failed on, then removed from the error queue) or discard.
/// </summary>
public sealed class ErrorQueues(BusOptions options)
{
    /// <summary>How many failed messages are shown per error queue.</summary>
    public const int PeekLimit = 100;

    private const string FaultPrefix = "MT-Fault-";

    public bool Available => options.Transport == BusTransport.RabbitMq;

    /// <summary>The error queues of the consumers this workflow runs, by their endpoint names.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [
            ErrorQueueOf<SubmitArticleConsumer>(), ErrorQueueOf<ExtractClaimsConsumer>(), ErrorQueueOf<AssignClaimConsumer>(), ErrorQueueOf<SourceAttachedConsumer>(),
            WebhookFanOut.EndpointName + "_error",
        ];

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(CancellationToken ct)
    {
        EnsureAvailable();
        await using var connection = await ConnectAsync(ct);
        var failed = new List<FailedMessage>();
        foreach (var queue in Names)
        {
            // A channel per queue: asking for a queue that was never declared closes the channel.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                for (var i = 0; i < PeekLimit && await channel.BasicGetAsync(queue, autoAck: false, ct) is { } message; i++)
                    failed.Add(Describe(queue, message));
            }
            catch (OperationInterruptedException)
            {
                // No such queue: nothing ever failed there.
            }

            // Closing without acknowledging puts every message back.
        }

        return failed;
    }

    /// <summary>Sends the message back to the queue it failed on; true when it was found.</summary>
    public Task<bool> RetryAsync(string errorQueue, string messageId, CancellationToken ct) =>
        TakeAsync(errorQueue, messageId, async (channel, message) =>
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                // A retried message starts afresh: no fault, and its retry and redelivery counts reset.
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith(FaultPrefix, StringComparison.Ordinal) && h.Key is not ("MT-Reason" or "MT-Redelivery-Count"))
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            var inputQueue = errorQueue[..^"_error".Length];
            await channel.BasicPublishAsync("", inputQueue, mandatory: true, properties, message.Body, ct);
        }, ct);

    public Task<bool> DiscardAsync(string errorQueue, string messageId, CancellationToken ct) =>
        TakeAsync(errorQueue, messageId, (_, _) => Task.CompletedTask, ct);

    /// <summary>Finds the message, does <paramref name="action"/>, and only then removes it from the error queue.</summary>
    private async Task<bool> TakeAsync(string errorQueue, string messageId, Func<IChannel, BasicGetResult, Task> action, CancellationToken ct)
    {
        EnsureAvailable();
        if (!Names.Contains(errorQueue))
            throw new WorkflowException(WorkflowError.Invalid, $"'{errorQueue}' is not one of the workflow's error queues ({string.Join(", ", Names)}).");
        await using var connection = await ConnectAsync(ct);
        // Publisher confirms: the copy is removed from the error queue only once the broker has the retry.
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        try
        {
            for (var i = 0; i < PeekLimit && await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message; i++)
            {
                if (IdOf(message) != messageId)
                    continue;
                await action(channel, message);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                return true;
            }
        }
        catch (OperationInterruptedException)
        {
            // The error queue does not exist.
        }

        return false;
    }

    /// <summary>The AMQP message id, or for a plain client's message without one, a hash of its body.</summary>
    private static string IdOf(BasicGetResult message) =>
        message.BasicProperties.MessageId is { Length: > 0 } id
            ? id
            : "body-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(message.Body.Span))[..24];

    private static FailedMessage Describe(string queue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

        var body = Encoding.UTF8.GetString(message.Body.Span);
        return new FailedMessage(
            queue,
            IdOf(message),
            Header("MT-Fault-MessageType") ?? message.BasicProperties.Type ?? Header("MT-MessageType"),
            Header(FaultPrefix + "Message") ?? Header("MT-Reason") ?? "no reason recorded",
            Header(FaultPrefix + "ExceptionType"),
            DateTime.TryParse(Header(FaultPrefix + "Timestamp"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? at : null,
            body.Length > 2000 ? body[..2000] + "…" : body);
    }

    private static string ErrorQueueOf<T>()
        where T : class, IConsumer => KebabCaseEndpointNameFormatter.Instance.Consumer<T>() + "_error";

    private Task<IConnection> ConnectAsync(CancellationToken ct) =>
        new ConnectionFactory { Uri = new Uri(options.RabbitMq), ClientProvidedName = "factcheck-error-queues" }.CreateConnectionAsync(ct);

    private void EnsureAvailable()
    {
        if (!Available)
            throw new WorkflowException(WorkflowError.Conflict, "Error queues can be browsed on RabbitMQ; this instance runs the in-memory bus, whose failed messages live in its process memory only.");
    }
}
