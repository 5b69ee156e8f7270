using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Messaging;

/// <summary>Over the in-memory bus a relayed row settles once its inbox consumers have committed it; what never settled goes again.</summary>
public sealed class OutboxSettlementTests : IAsyncLifetime
{
    // No relay and no consumers in this host: the test plays both.
    private readonly FactCheckApp _app = new(TestStack.Embedded(), new Dictionary<string, string?> { ["FactCheck:Workflow:RunConsumers"] = "false" });
    private readonly DateTime _now = new(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public void Each_message_waits_for_the_workflow_consumers_that_keep_an_inbox_for_it()
    {
        var settlement = _app.Services.GetRequiredService<OutboxSettlement>();
        Assert.Equal([InboxConsumer.NameOf(typeof(SubmitArticleConsumer))], settlement.ConsumersOf(MessageTypes.NameOf(typeof(SubmitArticle))));
        Assert.Equal([InboxConsumer.NameOf(typeof(ExtractClaimsConsumer))], settlement.ConsumersOf(MessageTypes.NameOf(typeof(ArticleReceived))));
        Assert.Equal([InboxConsumer.NameOf(typeof(AssignClaimConsumer))], settlement.ConsumersOf(MessageTypes.NameOf(typeof(ClaimQueued))));
        Assert.Empty(settlement.ConsumersOf(MessageTypes.NameOf(typeof(ClaimStatusChanged))));
    }

    [Fact]
    public async Task A_relayed_message_settles_when_its_consumer_has_committed_it_and_the_rest_go_again_at_start_up()
    {
        var handled = Relayed<ArticleReceived>();
        var lost = Relayed<ArticleReceived>();
        var nobodyWaits = Relayed<ClaimStatusChanged>();
        var notYetRelayed = new OutboxMessage(Guid.NewGuid(), MessageTypes.NameOf(typeof(SubmitArticle)), "{}", _now);
        await _app.WithDbAsync(async db =>
        {
            db.Outbox.AddRange(handled, lost, nobodyWaits, notYetRelayed);
            db.Inbox.Add(new InboxEntry(handled.MessageId, InboxConsumer.NameOf(typeof(ExtractClaimsConsumer)), _now));
            // Another consumer's inbox row does not count for this one.
            db.Inbox.Add(new InboxEntry(lost.MessageId, InboxConsumer.NameOf(typeof(SubmitArticleConsumer)), _now));
            return await db.SaveChangesAsync();
        });

        var settlement = _app.Services.GetRequiredService<OutboxSettlement>();
        Assert.Equal(2, await _app.WithDbAsync(db => settlement.SettleAsync(db, _now, CancellationToken.None)));
        Assert.Equal(1, await _app.WithDbAsync(db => settlement.ReplayUnsettledAsync(db, _now, CancellationToken.None)));

        var rows = await _app.WithDbAsync(db => db.Outbox.AsNoTracking().ToDictionaryAsync(m => m.MessageId));
        Assert.Equal(_now, rows[handled.MessageId].SettledAt);
        Assert.Equal(_now, rows[nobodyWaits.MessageId].SettledAt);
        Assert.Null(rows[lost.MessageId].SettledAt);
        Assert.Null(rows[lost.MessageId].DispatchedAt); // the relay takes it again
        Assert.NotNull(rows[handled.MessageId].DispatchedAt);
        Assert.Null(rows[notYetRelayed.MessageId].SettledAt);
    }

    private OutboxMessage Relayed<T>() =>
        new(Guid.NewGuid(), MessageTypes.NameOf(typeof(T)), "{}", _now) { DispatchedAt = _now, LockedUntil = _now };
}
