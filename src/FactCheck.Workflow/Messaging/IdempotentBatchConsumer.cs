using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// A consumer of batches of messages, through the inbox (<see cref="InboxConsumer"/>): one transaction
/// for the batch, one inbox row per message. A batch fails and is retried as a whole.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage>(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time, ILogger logger)
    : InboxConsumer(db, outbox, time, logger), IConsumer<Batch<TMessage>>
    where TMessage : class
{
    public Task Consume(ConsumeContext<Batch<TMessage>> context) =>
        ConsumeOnce([.. context.Message], messages => Handle(messages, context.CancellationToken), context.CancellationToken);

    /// <summary>The batch without the messages already handled, each message once.</summary>
    protected abstract Task Handle(IReadOnlyList<ConsumeContext<TMessage>> messages, CancellationToken cancellationToken);
}
