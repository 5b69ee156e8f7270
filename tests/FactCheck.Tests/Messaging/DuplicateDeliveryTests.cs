using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Messaging;

/// <summary>Redelivered and duplicated messages go through the real MassTransit pipeline and have no second effect.</summary>
public sealed class DuplicateDeliveryTests : IAsyncLifetime
{
    private readonly FactCheckApp _app = new(TestStack.Embedded());

    public async ValueTask InitializeAsync() => await _app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IBus Bus => _app.Services.GetRequiredService<IBus>();

    [Fact]
    public async Task The_same_ArticleReceived_delivered_twice_extracts_claims_once()
    {
        var article = await StoreArticle();
        using var consumed = new ReceiveCounter<ExtractClaimsConsumer>(Bus);
        var messageId = NewId.NextGuid();
        var message = new ArticleReceived(article.Id, article.Title, null, null, "en", DateTime.UtcNow);

        await Bus.Publish(message, ctx => ctx.MessageId = messageId, TestContext.Current.CancellationToken);
        await consumed.WaitFor(1);
        var after1 = await Settled(article.Id);

        await Bus.Publish(message, ctx => ctx.MessageId = messageId, TestContext.Current.CancellationToken);
        await consumed.WaitFor(2);
        Assert.Equal(after1, await Snapshot(article.Id));
        Assert.Equal(1, await _app.WithDbAsync(db => db.Inbox.CountAsync(i => i.MessageId == messageId)));
    }

    [Fact]
    public async Task A_second_SubmitArticle_for_the_same_article_creates_nothing_new()
    {
        var articleId = Guid.NewGuid();
        var submit = new SubmitArticle { ArticleId = articleId, Title = "Flight PS752", Text = "The aircraft carried 176 people, including 57 Canadians, officials said on Wednesday." };
        using var consumed = new ReceiveCounter<SubmitArticleConsumer>(Bus);

        await Bus.Publish(submit, TestContext.Current.CancellationToken);
        await consumed.WaitFor(1);
        var settled = await Settled(articleId);

        await Bus.Publish(submit, TestContext.Current.CancellationToken);
        await consumed.WaitFor(2);
        Assert.Equal(1, await _app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == articleId)));
        Assert.Equal(settled, await Snapshot(articleId));
    }

    [Fact]
    public async Task A_duplicated_ClaimQueued_does_not_assign_a_claim_twice()
    {
        var (claim, settled) = await AssignedClaim();
        var articleId = claim.ArticleId;

        using var received = new ReceiveCounter<AssignClaimConsumer>(Bus);
        await Bus.Publish(new ClaimQueued(claim.Id, articleId, claim.Priority, claim.DueAt), TestContext.Current.CancellationToken);
        await Bus.Publish(new ClaimQueued(claim.Id, articleId, claim.Priority, claim.DueAt), TestContext.Current.CancellationToken);
        await received.WaitFor(2);

        var stored = await _app.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claim.Id));
        Assert.Equal((claim.Version, claim.AssigneeId), (stored.Version, stored.AssigneeId));
        Assert.Equal(settled, await Snapshot(articleId));
    }

    [Fact]
    public async Task The_same_ClaimQueued_delivered_twice_at_once_is_handled_once_by_the_batched_assignment()
    {
        var (claim, settled) = await AssignedClaim();
        var articleId = claim.ArticleId;

        using var received = new ReceiveCounter<AssignClaimConsumer>(Bus);
        var messageId = NewId.NextGuid();
        var message = new ClaimQueued(claim.Id, articleId, claim.Priority, claim.DueAt);
        // Within the batch window: both copies reach the same batch or two batches back to back.
        await Task.WhenAll(
            Bus.Publish(message, ctx => ctx.MessageId = messageId, TestContext.Current.CancellationToken),
            Bus.Publish(message, ctx => ctx.MessageId = messageId, TestContext.Current.CancellationToken));
        await received.WaitFor(2);

        Assert.Equal(1, await _app.WithDbAsync(db => db.Inbox.CountAsync(i => i.MessageId == messageId && i.Consumer == nameof(AssignClaimConsumer))));
        Assert.Equal(settled, await Snapshot(articleId));
    }

    /// <summary>A claim that went through the workflow once and was assigned, with its article's settled state.</summary>
    private async Task<(Claim Claim, State Settled)> AssignedClaim()
    {
        var articleId = Guid.NewGuid();
        await Bus.Publish(new SubmitArticle { ArticleId = articleId, Title = "Troops", Text = "Around 200 Canadian troops have been training local forces since October 2018, the ministry said." }, TestContext.Current.CancellationToken);
        var settled = await Settled(articleId);
        return (await _app.WithDbAsync(db => db.Claims.AsNoTracking().FirstAsync(c => c.ArticleId == articleId)), settled);
    }

    private async Task<Article> StoreArticle()
    {
        var article = new Article(Guid.NewGuid(), "Iraq mission", "Canada leads the training mission of around 200 troops near Baghdad, officials said. The mission began in October 2018.", "en", DateTime.UtcNow);
        await _app.WithDbAsync(async db =>
        {
            db.Articles.Add(article);
            return await db.SaveChangesAsync();
        });
        return article;
    }

    private sealed record State(int Claims, int Assigned, int Outbox, int Undispatched, int Events, int MaxVersion);

    /// <summary>Waits until the article's claims are all assigned and every event has left the outbox.</summary>
    private Task<State> Settled(Guid articleId) =>
        Eventually.Until(() => Snapshot(articleId), s => s.Claims > 0 && s.Assigned == s.Claims && s.Undispatched == 0, what: "the workflow to settle");

    private Task<State> Snapshot(Guid articleId) => _app.WithDbAsync(async db =>
    {
        var claims = await db.Claims.AsNoTracking().Where(c => c.ArticleId == articleId).ToListAsync();
        var ids = claims.Select(c => c.Id).ToList();
        return new State(
            claims.Count,
            claims.Count(c => c.Status == ClaimStatus.Assigned),
            await db.Outbox.CountAsync(),
            await db.Outbox.CountAsync(m => m.DispatchedAt == null),
            await db.ClaimEvents.CountAsync(e => ids.Contains(e.ClaimId)),
            claims.Count == 0 ? 0 : claims.Max(c => c.Version));
    });
}
