using System.Security.Cryptography;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// The inbox: a consumer records the message id it handled in the same SaveChanges as its work
/// (and the outbox rows that work raised), so a redelivered or duplicated message has no second effect.
/// Handlers change the DbContext and do not save; this class saves once.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time, ILogger logger)
    : IConsumer<TMessage>
    where TMessage : class
{
    protected FactCheckDbContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var consumer = GetType().Name;
        var messageId = MessageIdentity.Of(context);
        if (await Db.Inbox.AnyAsync(i => i.MessageId == messageId && i.Consumer == consumer, context.CancellationToken))
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; ignoring the duplicate", consumer, messageId);
            return;
        }

        await Handle(context);
        Db.Inbox.Add(new InboxEntry(messageId, consumer, Now));
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex))
        {
            if (!await AlreadyHandled(messageId, consumer))
                throw;
            // A concurrent copy of the same message won the race; its work stands, ours is rolled back.
            logger.LogInformation("{Consumer} lost a race for message {MessageId} to a duplicate delivery", consumer, messageId);
            return;
        }

        outbox.Notify();
    }

    protected abstract Task Handle(ConsumeContext<TMessage> context);

    private async Task<bool> AlreadyHandled(Guid messageId, string consumer)
    {
        Db.ChangeTracker.Clear();
        return await Db.Inbox.AnyAsync(i => i.MessageId == messageId && i.Consumer == consumer);
    }

}

public static class MessageIdentity
{
    /// <summary>
    /// The transport's message id; a raw message from a plain AMQP client may have none, and then
    /// its body stands in for it (the same bytes are the same message).
    /// </summary>
    public static Guid Of(ConsumeContext context)
    {
        if (context.MessageId is { } id)
            return id;
        var hash = SHA256.HashData(context.ReceiveContext.Body.GetBytes());
        return new Guid(hash.AsSpan(0, 16));
    }
}
