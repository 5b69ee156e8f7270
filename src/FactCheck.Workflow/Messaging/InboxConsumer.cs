using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Messaging;

/// <summary>
/// The inbox: a consumer records the ids of the messages it handled in the same SaveChanges as its
/// work (and the outbox rows that work raised), so a redelivered or duplicated message has no second
/// effect. Handlers change the DbContext and do not save; this class saves once.
/// </summary>
public abstract class InboxConsumer(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time, ILogger logger)
{
    private const int RacesToLose = 3;

    protected FactCheckDbContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    protected DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The consumer's name in its inbox rows.</summary>
    public static string NameOf(Type consumer) => consumer.Name;

    /// <summary>Hands the messages not yet in the inbox to <paramref name="handle"/> and saves its work with their inbox rows.</summary>
    protected async Task ConsumeOnce<TMessage>(IReadOnlyList<ConsumeContext<TMessage>> messages, Func<IReadOnlyList<ConsumeContext<TMessage>>, Task> handle, CancellationToken cancellationToken)
        where TMessage : class
    {
        var consumer = NameOf(GetType());
        var byId = messages.GroupBy(MessageIdentity.Of).ToDictionary(g => g.Key, g => g.First());
        var ids = byId.Keys.ToList();
        for (var race = 1; ; race++)
        {
            // A retry may run in the scope of the failed attempt: start from what the database holds.
            Db.ChangeTracker.Clear();
            var handled = await Db.Inbox.Where(i => i.Consumer == consumer && ids.Contains(i.MessageId)).Select(i => i.MessageId).ToListAsync(cancellationToken);
            foreach (var id in handled)
                logger.LogInformation("{Consumer} already handled message {MessageId}; ignoring the duplicate", consumer, id);
            var fresh = byId.Where(m => !handled.Contains(m.Key)).ToList();
            if (fresh.Count == 0)
                return;

            await handle([.. fresh.Select(m => m.Value)]);
            Db.Inbox.AddRange(fresh.Select(m => new InboxEntry(m.Key, consumer, Now)));
            try
            {
                await Db.SaveChangesAsync(cancellationToken);
                outbox.Notify();
                Committed();
                return;
            }
            catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex) && race < RacesToLose)
            {
                var ours = fresh.Select(m => m.Key).ToList();
                if (!await Db.Inbox.AnyAsync(i => i.Consumer == consumer && ours.Contains(i.MessageId), CancellationToken.None))
                    throw;
                // A concurrent copy of one of these messages won the race; its work stands, ours is rolled back and the rest goes again.
                logger.LogInformation("{Consumer} lost a race for a message to a duplicate delivery; handling the others again", consumer);
            }
        }
    }

    /// <summary>Called once the handled work is committed, for what must only count then (metrics).</summary>
    protected virtual void Committed()
    {
    }
}
