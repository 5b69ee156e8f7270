using FactCheck.Contracts;
using MassTransit;

namespace FactCheck.Web.Live;

/// <summary>
/// Feeds <see cref="ClaimFeed"/>. Each web instance has its own temporary queue, so every instance
/// sees every change (a competing consumer would show each change to one instance only).
/// </summary>
public sealed class ClaimFeedConsumer(ClaimFeed feed) :
    IConsumer<ClaimStatusChanged>,
    IConsumer<ClaimsExtracted>,
    IConsumer<SourceAttached>,
    IConsumer<ClaimStatementChanged>,
    IConsumer<ClaimAdded>
{
    public Task Consume(ConsumeContext<ClaimStatusChanged> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, context.Message.ArticleId, context.Message.To));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ClaimsExtracted> context)
    {
        feed.Publish(new ClaimChange(null, context.Message.ArticleId, null));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SourceAttached> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, Guid.Empty, null));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ClaimStatementChanged> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, context.Message.ArticleId, null));
        return Task.CompletedTask;
    }

    /// <summary>A claim an editor made (or a part of a split) appears in its article's view.</summary>
    public Task Consume(ConsumeContext<ClaimAdded> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, context.Message.ArticleId, null));
        return Task.CompletedTask;
    }
}
