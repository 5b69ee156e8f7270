using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Messaging;

/// <summary>A consumer of one message at a time, through the inbox (<see cref="InboxConsumer"/>).</summary>
public abstract class IdempotentConsumer<TMessage>(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time, ILogger logger)
    : InboxConsumer(db, outbox, time, logger), IConsumer<TMessage>
    where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context) =>
        ConsumeOnce([context], messages => Handle(messages[0]), context.CancellationToken);

    protected abstract Task Handle(ConsumeContext<TMessage> context);
}
